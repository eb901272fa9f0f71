package org.cometsim.workloads.apps.factoring;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;
import org.cometsim.workloads.apps.Lcg;

/**
 * Integer factoring (COMET category: math tools): builds semiprimes and smooth composites from seeded
 * random primes and factors them completely with trial division, Miller-Rabin and Pollard-Brent rho,
 * all on longs (numbers below 2^62; modular multiplication by shift-and-add, no 128-bit arithmetic).
 *
 * <p>Usage: {@code Factoring small|medium|paper}: 8 numbers with ~18-bit prime factors; 16 with ~24-bit;
 * 24 with ~29-bit. Single-threaded; output fully deterministic.
 */
public final class Factoring {
    private static final long[] MR_BASES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

    private Factoring() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int count = AppArgs.pick(size, 8, 16, 24);
        int bits = AppArgs.pick(size, 18, 24, 29);
        Lcg rnd = new Lcg(1729);
        Checksum sum = new Checksum();
        long[] factors = new long[64];
        int totalFactors = 0;
        for (int k = 0; k < count; k++) {
            long n;
            if (k % 4 == 3) {
                // smooth composite: product of small primes times one large prime
                n = nextPrime(rnd.nextInt(1 << bits) + (1L << bits));
                while (n < (1L << 40)) {
                    n *= 2 + rnd.nextInt(97);
                }
            } else {
                long p = nextPrime((rnd.nextInt(1 << bits) & 0xffffffffL) + (1L << bits));
                long q = nextPrime((rnd.nextInt(1 << bits) & 0xffffffffL) + (1L << (bits + 1)));
                n = p * q;
            }
            int nf = factor(n, factors, 0);
            sort(factors, nf);
            long check = 1;
            StringBuilder line = new StringBuilder();
            line.append(n).append(" =");
            for (int i = 0; i < nf; i++) {
                check *= factors[i];
                sum.add(factors[i]);
                line.append(i == 0 ? " " : " * ").append(factors[i]);
            }
            if (check != n) {
                throw new IllegalStateException("bad factorisation of " + n);
            }
            totalFactors += nf;
            if (k < 4) {
                System.out.println(line.toString());
            }
        }
        System.out.println("factoring size=" + AppArgs.sizeName(size) + " numbers=" + count
                + " factorBits=" + bits + " primeFactors=" + totalFactors);
        System.out.println("checksum=" + sum.hex());
    }

    /** Appends the prime factors of n to out starting at index; returns the new count. */
    static int factor(long n, long[] out, int count) {
        for (long p = 2; p < 1000 && p * p <= n; p++) {
            while (n % p == 0) {
                out[count++] = p;
                n /= p;
            }
        }
        if (n == 1) {
            return count;
        }
        if (isPrime(n)) {
            out[count++] = n;
            return count;
        }
        long d = rho(n);
        count = factor(d, out, count);
        return factor(n / d, out, count);
    }

    /** Pollard-Brent rho: a non-trivial divisor of the composite n. */
    static long rho(long n) {
        for (long c = 1; ; c++) {
            long y = 2;
            long x = 2;
            long g = 1;
            long q = 1;
            long ys = 2;
            int r = 1;
            final int m = 64;
            while (g == 1) {
                x = y;
                for (int i = 0; i < r; i++) {
                    y = f(y, c, n);
                }
                int k = 0;
                while (k < r && g == 1) {
                    ys = y;
                    int lim = Math.min(m, r - k);
                    for (int i = 0; i < lim; i++) {
                        y = f(y, c, n);
                        q = mulmod(q, x > y ? x - y : y - x, n);
                    }
                    g = gcd(q, n);
                    k += m;
                }
                r <<= 1;
            }
            if (g == n) {
                do {
                    ys = f(ys, c, n);
                    g = gcd(x > ys ? x - ys : ys - x, n);
                } while (g == 1);
            }
            if (g != n) {
                return g;
            }
        }
    }

    private static long f(long y, long c, long n) {
        long v = mulmod(y, y, n) + c;
        return v >= n ? v - n : v;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** a*b mod m for m < 2^62, without overflow. */
    static long mulmod(long a, long b, long m) {
        if ((a | b) >>> 31 == 0) {
            return a * b % m;
        }
        a %= m;
        b %= m;
        long r = 0;
        while (b > 0) {
            if ((b & 1) != 0) {
                r += a;
                if (r >= m) {
                    r -= m;
                }
            }
            a += a;
            if (a >= m) {
                a -= m;
            }
            b >>>= 1;
        }
        return r;
    }

    static long powmod(long b, long e, long m) {
        long r = 1;
        b %= m;
        while (e > 0) {
            if ((e & 1) != 0) {
                r = mulmod(r, b, m);
            }
            b = mulmod(b, b, m);
            e >>>= 1;
        }
        return r;
    }

    /** Deterministic Miller-Rabin for n < 3.3e24. */
    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (long p : MR_BASES) {
            if (n % p == 0) {
                return n == p;
            }
        }
        long d = n - 1;
        int s = 0;
        while ((d & 1) == 0) {
            d >>>= 1;
            s++;
        }
        for (long a : MR_BASES) {
            long x = powmod(a, d, n);
            if (x == 1 || x == n - 1) {
                continue;
            }
            boolean composite = true;
            for (int i = 1; i < s; i++) {
                x = mulmod(x, x, n);
                if (x == n - 1) {
                    composite = false;
                    break;
                }
            }
            if (composite) {
                return false;
            }
        }
        return true;
    }

    static long nextPrime(long n) {
        while (!isPrime(n)) {
            n++;
        }
        return n;
    }

    private static void sort(long[] a, int n) {
        for (int i = 1; i < n; i++) {
            long v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
