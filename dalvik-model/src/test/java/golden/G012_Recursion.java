package golden;

import java.util.ArrayList;
import java.util.List;

/** Recursion: fib (naive and memo), ackermann (small), hanoi, permutations, n-queens, mutual recursion, gcd. */
public class G012_Recursion {
    static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    static long[] memo = new long[93];
    static long fibMemo(int n) { if (n < 2) return n; if (memo[n] != 0) return memo[n]; return memo[n] = fibMemo(n - 1) + fibMemo(n - 2); }
    static int ack(int m, int n) { if (m == 0) return n + 1; if (n == 0) return ack(m - 1, 1); return ack(m - 1, ack(m, n - 1)); }
    static int moves;
    static void hanoi(int n, char from, char to, char via, StringBuilder sb) {
        if (n == 0) return;
        hanoi(n - 1, from, via, to, sb);
        moves++;
        if (sb.length() < 60) sb.append(from).append(to).append(' ');
        hanoi(n - 1, via, to, from, sb);
    }
    static void permute(String prefix, String rest, List<String> out) {
        if (rest.isEmpty()) { out.add(prefix); return; }
        for (int i = 0; i < rest.length(); i++) permute(prefix + rest.charAt(i), rest.substring(0, i) + rest.substring(i + 1), out);
    }
    static int queens(int n, int row, int cols, int d1, int d2) {
        if (row == n) return 1;
        int count = 0;
        for (int c = 0; c < n; c++) {
            if ((cols >> c & 1) != 0 || (d1 >> (row + c) & 1) != 0 || (d2 >> (row - c + n) & 1) != 0) continue;
            count += queens(n, row + 1, cols | 1 << c, d1 | 1 << (row + c), d2 | 1 << (row - c + n));
        }
        return count;
    }
    static boolean isEven(int n) { return n == 0 || isOdd(n - 1); }
    static boolean isOdd(int n) { return n != 0 && isEven(n - 1); }
    static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }
    static double power(double b, int e) { if (e == 0) return 1; double h = power(b, e / 2); return e % 2 == 0 ? h * h : h * h * b; }
    static int sumDigits(long n) { return n < 10 ? (int) n : (int) (n % 10) + sumDigits(n / 10); }

    public static void main(String[] args) {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i <= 20; i++) f.append(fib(i)).append(' ');
        System.out.println("fib " + f.toString().trim());
        System.out.println("fibMemo(90) " + fibMemo(90) + " fibMemo(92) " + fibMemo(92));
        for (int m = 0; m <= 3; m++) {
            StringBuilder sb = new StringBuilder("ack(" + m + ",n):");
            for (int n = 0; n <= 4; n++) sb.append(' ').append(ack(m, n));
            System.out.println(sb);
        }
        StringBuilder h = new StringBuilder();
        hanoi(10, 'A', 'C', 'B', h);
        System.out.println("hanoi(10) moves=" + moves + " first: " + h.toString().trim());
        List<String> perms = new ArrayList<>();
        permute("", "abcd", perms);
        System.out.println("perms " + perms.size() + " " + perms);
        for (int n = 1; n <= 8; n++) System.out.print("queens(" + n + ")=" + queens(n, 0, 0, 0, 0) + " ");
        System.out.println();
        System.out.println("even(101)=" + isEven(101) + " odd(77)=" + isOdd(77) + " gcd=" + gcd(1071L * 1000003, 462L * 1000003) + " pow=" + power(1.0001, 10000) + " digits=" + sumDigits(Long.MAX_VALUE));
        try { deep(0); } catch (StackOverflowError e) { System.out.println("unexpected SOE"); }
        System.out.println("depth 2000 ok: " + deep(0));
    }
    static int deep(int n) { return n == 2000 ? n : deep(n + 1); }
}
