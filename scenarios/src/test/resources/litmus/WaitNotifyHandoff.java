package litmus;

/**
 * A one-slot hand-off with wait/notifyAll: the producer (main) prints each item (on the phone)
 * and puts it in the slot; the consumer computes inside the monitor before waiting (so it is
 * moved, holding the lock, and waits on the server), takes the item and computes with it.
 */
public class WaitNotifyHandoff {
    static final class Slot {
        String item;
        int taken;
    }

    public static void main(String[] args) throws Exception {
        Work.settle(args);
        int items = 5;
        Slot slot = new Slot();
        long[] results = new long[items];
        Thread consumer = new Thread(() -> {
            try {
                for (int k = 0; k < items; k++) {
                    String item;
                    synchronized (slot) {
                        results[k] = Work.spin(3000, k);
                        while (slot.item == null) {
                            slot.wait();
                        }
                        item = slot.item;
                        slot.item = null;
                        slot.taken++;
                        slot.notifyAll();
                    }
                    results[k] += item.length() * 1000L + Work.spin(500, item.hashCode());
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "consumer");
        consumer.start();
        for (int k = 0; k < items; k++) {
            String item = "item-" + k + "-" + "x".repeat(k);
            System.out.println("put " + item);
            synchronized (slot) {
                while (slot.item != null) {
                    slot.wait();
                }
                slot.item = item;
                slot.notifyAll();
            }
        }
        synchronized (slot) {
            while (slot.taken < items) {
                slot.wait();
            }
        }
        consumer.join();
        for (int k = 0; k < items; k++) {
            System.out.println("result " + k + ": " + results[k]);
        }
    }
}
