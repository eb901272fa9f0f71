package litmus;

/**
 * Class initialisation racing a remote thread: main initialises {@code Slow} (a long
 * {@code <clinit>}, run on the phone) while a worker computing on the server polls a flag the
 * initialiser raises first and then uses {@code Slow}: it must wait for the initialisation to end
 * and see every static it set, as on the JVM.
 */
public class ClassInitRace {
    static final class Flags {
        static volatile boolean initStarted;
    }

    static final class Slow {
        static final int[] TABLE;
        static final long CHECK;
        static String name;

        static {
            Flags.initStarted = true;
            TABLE = new int[64];
            long c = 0;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = Work.spin(400, i);
                c += TABLE[i] & 0xfff;
            }
            CHECK = c;
            name = "slow-" + TABLE.length;
        }
    }

    public static void main(String[] args) throws Exception {
        Work.settle(args);
        String[] seen = new String[1];
        Thread worker = new Thread(() -> {
            int x = Work.spin(5000, 9);
            int spins = 0;
            while (!Flags.initStarted) {
                x = Work.spin(30, x + spins++);
            }
            long c = 0;
            for (int v : Slow.TABLE) {
                c += v & 0xfff;
            }
            seen[0] = Slow.name + " " + (c == Slow.CHECK) + " " + Slow.CHECK;
        }, "worker");
        worker.start();
        System.out.println("started");
        int y = Work.spin(8000, 4);
        System.out.println("main: " + Slow.name + " " + Slow.CHECK + " (" + (y != 0) + ")");
        worker.join();
        System.out.println("worker: " + seen[0]);
    }
}
