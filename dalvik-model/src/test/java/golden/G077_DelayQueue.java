package golden;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * DelayQueue (the guest library's): elements come out in expiry order and only once expired
 * (take waits on the VM's clock, poll returns null before), peek shows the head expired or not,
 * drainTo moves only expired elements, a timed poll times out, toString and iteration show the
 * heap's array order, iterator removal, and a consumer thread blocked in take while another thread
 * adds elements. Delays are half a second or more apart, so no output depends on how fast the
 * program runs (the VM runs it on its scheduler's clock; the JVM oracle waits them out).
 */
public class G077_DelayQueue {
    static final class Job implements Delayed {
        final String name;
        final long at;

        Job(String name, long delayMillis) {
            this.name = name;
            this.at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(at, ((Job) o).at);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static void main(String[] args) throws Exception {
        DelayQueue<Job> q = new DelayQueue<>();
        q.put(new Job("c", 1500));
        q.put(new Job("a", 500));
        q.add(new Job("b", 1000));
        q.offer(new Job("d", 2000), 1, TimeUnit.SECONDS);
        System.out.println("queued: " + q + " size " + q.size() + " peek " + q.peek() + " poll " + q.poll()
                + " remaining " + q.remainingCapacity());
        System.out.println("take: " + q.take() + " " + q.take() + " " + q.take() + " " + q.take() + " -> " + q + " " + q.poll());

        q.add(new Job("late", 3_600_000));
        q.add(new Job("old1", -5));
        q.add(new Job("old2", -10));
        q.add(new Job("old3", -1));
        List<Job> drained = new ArrayList<>();
        System.out.println("drainTo: " + q.drainTo(drained, 2) + " " + drained + " " + q.drainTo(drained) + " " + drained + " left " + q
                + " peek " + q.peek() + " poll " + q.poll());
        System.out.println("timed poll: " + q.poll(50, TimeUnit.MILLISECONDS) + " size " + q.size());
        for (int i = 0; i < 6; i++) {
            q.add(new Job("x" + i, 10_000 + (i * 37 % 6) * 1000));
        }
        Iterator<Job> it = q.iterator();
        StringBuilder seen = new StringBuilder();
        while (it.hasNext()) {
            Job j = it.next();
            seen.append(j).append(' ');
            if (j.name.equals("x2") || j.name.equals("late")) {
                it.remove();
            }
        }
        System.out.println("iterate: " + seen + "-> " + q + " " + q.toArray().length);
        q.clear();

        List<String> got = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    got.add(q.take().name);
                }
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        consumer.start();
        Thread producer = new Thread(() -> {
            q.put(new Job("p-slow", 2000));
            q.put(new Job("p-fast", 1000));
            q.put(new Job("p-mid", 1500));
        });
        producer.start();
        producer.join();
        consumer.join();
        System.out.println("consumer got: " + got + " left " + q.size());
    }
}
