package litmus;

/**
 * Message passing through a volatile: the producer (main) prints each round, which brings it to
 * the phone, writes plain fields and then the volatile {@code round}; the consumer, computing on
 * the server, polls {@code round} and must then see every plain write of that round (the volatile
 * write → read edge carries them), then acknowledges through another volatile.
 */
public class VolatileMessagePassing {
    static final class Channel {
        int a;
        long b;
        String c;
        final int[] slots = new int[4];
        volatile int round;
        volatile int ack;
    }

    public static void main(String[] args) throws Exception {
        Work.settle(args);
        int rounds = 5;
        Channel ch = new Channel();
        int[] seen = new int[rounds];
        int[] sums = new int[rounds];
        Thread consumer = new Thread(() -> {
            for (int r = 1; r <= rounds; r++) {
                int spins = 0;
                while (ch.round != r) {
                    Work.spin(40, spins++);
                }
                seen[r - 1] = ch.a == r * 7 && ch.b == r * 1000L && ch.c.equals("m" + r) && ch.slots[r % 4] == r ? 1 : 0;
                sums[r - 1] = Work.spin(4000, ch.a);
                ch.ack = r;
            }
        }, "consumer");
        consumer.start();
        for (int r = 1; r <= rounds; r++) {
            System.out.println("round " + r);
            ch.a = r * 7;
            ch.b = r * 1000L;
            ch.c = "m" + r;
            ch.slots[r % 4] = r;
            ch.round = r;
            while (ch.ack != r) {
                Thread.sleep(1); // idle, not spinning: a slow link's round trips cost no host time
            }
            System.out.println("acknowledged " + r + ", consumer's sum " + sums[r - 1]);
        }
        consumer.join();
        int ok = 0;
        for (int s : seen) {
            ok += s;
        }
        System.out.println("consumer saw each round's writes: " + ok + "/" + rounds);
    }
}
