package golden;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

/**
 * JDK methods given a java.util.Random that is guest code (issue #12): the host draws from the
 * guest generator, so BigInteger(bits, rnd), BigInteger(bits, certainty, rnd), probablePrime and
 * Collections.shuffle (array list and linked list) give the JVM's results, and the generator is
 * left in the JVM's state. Also a guest subclass of Random that overrides next(bits).
 */
public class G086_JdkWithGuestRandom {
    static class Counting extends Random {
        int calls;

        Counting(long seed) {
            super(seed);
        }

        @Override
        protected int next(int bits) {
            calls++;
            return super.next(bits);
        }
    }

    public static void main(String[] args) {
        Random r = new Random(42);
        System.out.println(new BigInteger(100, r));
        System.out.println(BigInteger.probablePrime(64, r));
        System.out.println(new BigInteger(48, 20, r));
        List<Integer> l = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        Collections.shuffle(l, r);
        List<Integer> ll = new LinkedList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        Collections.shuffle(ll, r);
        System.out.println(l + " " + ll + " " + r.nextInt());
        Counting c = new Counting(7);
        System.out.println(new BigInteger(70, c) + " calls=" + c.calls + " " + c.nextLong());
    }
}
