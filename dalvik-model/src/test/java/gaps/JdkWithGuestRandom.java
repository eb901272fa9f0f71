package gaps;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** JDK methods taking a java.util.Random that is guest code (the guest library's Random). */
public class JdkWithGuestRandom {
    public static void main(String[] args) {
        Random r = new Random(42);
        System.out.println(new BigInteger(100, r));
        System.out.println(BigInteger.probablePrime(64, r));
        List<Integer> l = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        Collections.shuffle(l, r);
        System.out.println(l + " " + r.nextInt());
    }
}
