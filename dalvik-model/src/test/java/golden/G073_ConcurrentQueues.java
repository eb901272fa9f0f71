package golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * ConcurrentLinkedQueue and PriorityBlockingQueue (the guest library's): FIFO and heap order in
 * toString, toArray and iteration, the copy constructors (heapified arrays, comparators of sorted
 * sets), null and bulk operations, iterators that remove or see later changes, drainTo, timed
 * polls that time out on the VM's clock, and guest threads producing into both queues while
 * consumers block in take (sums and counts are deterministic).
 */
public class G073_ConcurrentQueues {
    public static void main(String[] args) throws Exception {
        ConcurrentLinkedQueue<Integer> q = new ConcurrentLinkedQueue<>();
        System.out.println("clq empty: " + q + " " + q.poll() + " " + q.peek() + " " + q.isEmpty() + " " + q.size());
        for (int i = 0; i < 10; i++) {
            q.offer(i * i);
        }
        q.add(7);
        System.out.println("clq: " + q + " poll " + q.poll() + " peek " + q.peek() + " size " + q.size() + " contains "
                + q.contains(49) + " " + q.contains(50));
        System.out.println("clq remove: " + q.remove(Integer.valueOf(7)) + " " + q.remove(Integer.valueOf(1000)) + " " + q);
        Iterator<Integer> it = q.iterator();
        it.next();
        it.remove();
        q.add(100);
        StringBuilder seen = new StringBuilder();
        while (it.hasNext()) {
            seen.append(it.next()).append(' ');
        }
        System.out.println("clq iterator: " + seen + "-> " + q);
        q.removeIf(x -> x % 2 == 0);
        System.out.println("clq removeIf: " + q + " " + Arrays.toString(q.toArray()) + " " + q.toArray(new Integer[0]).length);
        q.addAll(List.of(3, 5, 8));
        q.retainAll(List.of(9, 25, 3, 8));
        q.removeAll(List.of(9));
        System.out.println("clq bulk: " + q + " " + new ConcurrentLinkedQueue<>(List.of(4, 2, 6)));
        try {
            q.offer(null);
        } catch (NullPointerException e) {
            System.out.println("clq null: NPE");
        }
        try {
            q.addAll(q);
        } catch (IllegalArgumentException e) {
            System.out.println("clq addAll(this): IAE");
        }
        q.clear();
        System.out.println("clq clear: " + q + " " + q.size());

        PriorityBlockingQueue<Integer> p = new PriorityBlockingQueue<>();
        for (int v : new int[] {42, 7, 19, 3, 88, 7, 1, 56, 23, 11, 5, 64}) {
            p.put(v);
        }
        System.out.println("pbq: " + p + " peek " + p.peek() + " size " + p.size() + " " + p.remainingCapacity());
        System.out.println("pbq poll: " + p.poll() + " " + p.poll() + " -> " + p);
        System.out.println("pbq remove: " + p.remove(56) + " " + p.remove(1000) + " -> " + p + " " + p.contains(7));
        Iterator<Integer> pit = p.iterator();
        pit.next();
        pit.next();
        pit.remove();
        p.add(2);
        StringBuilder ps = new StringBuilder();
        while (pit.hasNext()) {
            ps.append(pit.next()).append(' ');
        }
        System.out.println("pbq iterator (snapshot): " + ps + "-> " + p);
        List<Integer> drained = new ArrayList<>();
        System.out.println("pbq drainTo: " + p.drainTo(drained, 3) + " " + drained + " -> " + p);
        p.removeIf(x -> x % 3 == 0);
        System.out.println("pbq removeIf: " + p + " " + Arrays.toString(p.toArray()));
        PriorityBlockingQueue<String> rev = new PriorityBlockingQueue<>(3, Comparator.reverseOrder());
        for (String s : "delta alpha echo bravo charlie foxtrot".split(" ")) {
            rev.offer(s);
        }
        System.out.println("pbq comparator: " + rev + " " + rev.take() + " " + rev.poll(1, TimeUnit.SECONDS));
        List<Integer> unsorted = List.of(9, 4, 7, 1, 8, 2, 6, 3, 5);
        PriorityQueue<Integer> pq = new PriorityQueue<>(unsorted);
        TreeSet<String> ts = new TreeSet<>(Comparator.reverseOrder());
        ts.addAll(List.of("b", "d", "a", "c"));
        System.out.println("pbq copies: " + new PriorityBlockingQueue<>(unsorted) + " " + new PriorityBlockingQueue<>(pq) + " "
                + new PriorityBlockingQueue<>(ts) + " " + new PriorityBlockingQueue<>(ts).comparator().compare("a", "b"));
        try {
            p.add(null);
        } catch (NullPointerException e) {
            System.out.println("pbq null: NPE");
        }
        try {
            new PriorityBlockingQueue<Integer>(0);
        } catch (IllegalArgumentException e) {
            System.out.println("pbq capacity 0: IAE");
        }
        p.clear();
        System.out.println("pbq timed poll on empty: " + p.poll(20, TimeUnit.MILLISECONDS) + " " + p);

        // Producers into both queues; consumers block in take() on the priority queue.
        PriorityBlockingQueue<Integer> work = new PriorityBlockingQueue<>();
        ConcurrentLinkedQueue<Integer> log = new ConcurrentLinkedQueue<>();
        long[] sums = new long[2];
        Thread[] consumers = new Thread[2];
        for (int c = 0; c < consumers.length; c++) {
            final int id = c;
            consumers[c] = new Thread(() -> {
                try {
                    for (;;) {
                        int v = work.take();
                        if (v == Integer.MAX_VALUE) {
                            return; // the stop marker sorts last: everything before it is consumed
                        }
                        sums[id] += v;
                        log.add(v);
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            consumers[c].start();
        }
        Thread[] producers = new Thread[3];
        for (int t = 0; t < producers.length; t++) {
            final int base = t * 1000;
            producers[t] = new Thread(() -> {
                for (int i = 1; i <= 200; i++) {
                    work.put(base + i);
                }
            });
            producers[t].start();
        }
        for (Thread t : producers) {
            t.join();
        }
        work.put(Integer.MAX_VALUE);
        work.put(Integer.MAX_VALUE);
        for (Thread t : consumers) {
            t.join();
        }
        long total = 0;
        for (int v : log) {
            total += v;
        }
        System.out.println("threads: consumed " + log.size() + " sum " + (sums[0] + sums[1]) + " " + total + " left " + work);
    }
}
