package golden;

/** Dining philosophers without deadlock: forks are always locked in global order (lower index first). */
public class G021_DiningPhilosophers {
    static final class Fork { final int id; int uses; Fork(int id) { this.id = id; } }

    public static void main(String[] args) throws InterruptedException {
        final int n = 5, meals = 200;
        Fork[] forks = new Fork[n];
        for (int i = 0; i < n; i++) forks[i] = new Fork(i);
        int[] eaten = new int[n];
        long[] food = new long[n];
        Thread[] ph = new Thread[n];
        for (int i = 0; i < n; i++) {
            final int me = i;
            Fork left = forks[i], right = forks[(i + 1) % n];
            Fork first = left.id < right.id ? left : right, second = first == left ? right : left;
            ph[i] = new Thread(() -> {
                for (int m = 0; m < meals; m++) {
                    synchronized (first) {
                        synchronized (second) {
                            first.uses++; second.uses++;
                            eaten[me]++;
                            food[me] += m % 7;
                        }
                    }
                    if (m % 50 == 0) Thread.yield();
                }
            }, "philosopher-" + i);
        }
        for (Thread t : ph) t.start();
        for (Thread t : ph) t.join();
        StringBuilder sb = new StringBuilder();
        int totalUses = 0;
        for (int i = 0; i < n; i++) { sb.append("p").append(i).append('=').append(eaten[i]).append('/').append(food[i]).append(' '); totalUses += forks[i].uses; }
        System.out.println(sb.toString().trim());
        System.out.println("fork uses total " + totalUses + " (expected " + 2 * n * meals + "), each fork " + forks[0].uses + "," + forks[1].uses + "," + forks[2].uses + "," + forks[3].uses + "," + forks[4].uses);
    }
}
