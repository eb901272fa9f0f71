package litmus;

/**
 * Message passing through a lock: the producer (main) prints each round (on the phone), then
 * under the lock writes the round's data and its number; the consumer, computing on the server,
 * polls the number under the same lock and must then see the data (unlock → lock carries it).
 */
public class LockMessagePassing {
    static final class Box {
        int round;
        int ack;
        int a;
        String s;
        final long[] values = new long[3];
    }

    public static void main(String[] args) throws Exception {
        Work.settle(args);
        int rounds = 5;
        Box box = new Box();
        int[] seen = new int[rounds];
        Thread consumer = new Thread(() -> {
            for (int r = 1; r <= rounds; r++) {
                int spins = 0;
                while (true) {
                    synchronized (box) {
                        if (box.round == r) {
                            seen[r - 1] = box.a == r * 3 && box.s.equals("s" + r) && box.values[r % 3] == r * 11L ? 1 : 0;
                            break;
                        }
                    }
                    Work.spin(40, spins++);
                }
                int sum = Work.spin(4000, r);
                synchronized (box) {
                    box.ack = r;
                    box.a = sum;
                }
            }
        }, "consumer");
        consumer.start();
        for (int r = 1; r <= rounds; r++) {
            System.out.println("round " + r);
            synchronized (box) {
                box.a = r * 3;
                box.s = "s" + r;
                box.values[r % 3] = r * 11L;
                box.round = r;
            }
            int spins = 0;
            int sum;
            while (true) {
                synchronized (box) {
                    if (box.ack == r) {
                        sum = box.a;
                        break;
                    }
                }
                Work.spin(40, spins++);
            }
            System.out.println("acknowledged " + r + ", consumer's sum " + sum);
        }
        consumer.join();
        int ok = 0;
        for (int s : seen) {
            ok += s;
        }
        System.out.println("consumer saw each round's writes: " + ok + "/" + rounds);
    }
}
