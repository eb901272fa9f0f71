package golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * LinkedBlockingDeque and ConcurrentLinkedDeque (the guest library's): both ends, occurrences,
 * capacity ("Deque full", remainingCapacity, an over-capacity addAll), null rules (the blocking
 * deque's remove(null) is false, the concurrent one's throws), ascending and descending iterators
 * that remove or see later changes, drainTo, bulk removal, timed operations that time out on the
 * VM's clock, and guest threads: producers blocked in putFirst/putLast on a full bounded deque,
 * consumers blocked in takeFirst/takeLast, a work-stealing pair on a ConcurrentLinkedDeque. Every
 * printed result is independent of thread timing (sums, counts, sorted multisets).
 */
public class G078_Deques {
    public static void main(String[] args) throws Exception {
        LinkedBlockingDeque<Integer> d = new LinkedBlockingDeque<>(6);
        System.out.println("lbd empty: " + d + " " + d.peekFirst() + " " + d.pollLast() + " " + d.remainingCapacity());
        for (int i = 1; i <= 3; i++) {
            d.offerFirst(i);
            d.offerLast(i * 10);
        }
        System.out.println("lbd: " + d + " full offer " + d.offerLast(99) + " " + d.offerFirst(99) + " rc " + d.remainingCapacity());
        try {
            d.addFirst(5);
        } catch (IllegalStateException e) {
            System.out.println("lbd addFirst full: " + e.getMessage());
        }
        System.out.println("lbd ends: " + d.getFirst() + " " + d.getLast() + " " + d.pollFirst() + " " + d.pollLast() + " " + d);
        d.push(20);
        System.out.println("lbd occurrences: " + d.removeLastOccurrence(20) + " " + d + " " + d.removeFirstOccurrence(77) + " "
                + d.remove(null) + " " + d.contains(null) + " " + d.contains(10));
        Iterator<Integer> it = d.iterator();
        System.out.println("lbd iterator first " + it.next());
        // removes what the iterator returned and its cached next item, which next() still returns
        System.out.println("lbd polled under the iterator: " + d.pollFirst() + " " + d.pollFirst());
        d.offerLast(42);
        StringBuilder seen = new StringBuilder();
        while (it.hasNext()) {
            seen.append(it.next()).append(' ');
        }
        System.out.println("lbd weakly consistent: " + seen + "-> " + d);
        for (Iterator<Integer> di = d.descendingIterator(); di.hasNext();) {
            if (di.next() % 2 == 0) {
                di.remove();
            }
        }
        System.out.println("lbd descending remove evens: " + d + " " + Arrays.toString(d.toArray()) + " " + d.toArray(new Integer[0]).length);
        d.clear();
        try {
            d.addAll(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        } catch (IllegalStateException e) {
            System.out.println("lbd addAll over capacity: " + e.getMessage() + " " + d);
        }
        List<Integer> drained = new ArrayList<>();
        System.out.println("lbd drainTo: " + d.drainTo(drained, 4) + " " + drained + " -> " + d);
        d.addAll(List.of(11, 12, 13, 14));
        d.removeIf(x -> x % 3 == 0);
        d.retainAll(List.of(11, 13, 14, 5));
        System.out.println("lbd bulk: " + d + " size " + d.size());
        long t0 = System.nanoTime();
        d.clear();
        Integer none = d.pollFirst(200, TimeUnit.MILLISECONDS);
        for (int i = 0; i < 6; i++) {
            d.add(i);
        }
        boolean in = d.offerFirst(100, 300, TimeUnit.MILLISECONDS);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("lbd timed: " + none + " " + in + " waited >= 500ms: " + (waited >= 500));
        try {
            new LinkedBlockingDeque<Integer>(0);
        } catch (IllegalArgumentException e) {
            System.out.println("lbd capacity 0: IAE");
        }

        // Producers block on a full deque of capacity 2 at both ends; consumers take from both ends.
        LinkedBlockingDeque<Integer> bounded = new LinkedBlockingDeque<>(2);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int base = p * 1000;
            boolean front = p % 2 == 0;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 1; i <= 40; i++) {
                        if (front) {
                            bounded.putFirst(base + i);
                        } else {
                            bounded.putLast(base + i);
                        }
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        long[] sums = new long[2];
        int[] counts = new int[2];
        for (int c = 0; c < 2; c++) {
            int me = c;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 60; i++) {
                        int x = me == 0 ? bounded.takeFirst() : bounded.takeLast();
                        sums[me] += x;
                        counts[me]++;
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("lbd threads: total " + (sums[0] + sums[1]) + " count " + (counts[0] + counts[1]) + " left " + bounded);

        ConcurrentLinkedDeque<String> c = new ConcurrentLinkedDeque<>(List.of("b", "c"));
        c.addFirst("a");
        c.offerLast("d");
        c.push("z");
        System.out.println("cld: " + c + " " + c.peekFirst() + " " + c.peekLast() + " size " + c.size() + " " + c.contains("c") + " "
                + c.contains(null));
        System.out.println("cld poll: " + c.pop() + " " + c.pollLast() + " " + c.removeFirstOccurrence("b") + " " + c);
        try {
            c.remove(null);
        } catch (NullPointerException e) {
            System.out.println("cld remove(null): NPE");
        }
        try {
            c.addAll(Arrays.asList("x", null));
        } catch (NullPointerException e) {
            System.out.println("cld addAll with null: NPE, unchanged " + c);
        }
        try {
            c.addAll(c);
        } catch (IllegalArgumentException e) {
            System.out.println("cld addAll(this): IAE");
        }
        c.addAll(List.of("e", "f", "g", "h"));
        StringBuilder back = new StringBuilder();
        for (Iterator<String> ci = c.descendingIterator(); ci.hasNext();) {
            String s = ci.next();
            back.append(s);
            if (s.equals("f")) {
                ci.remove();
            }
        }
        System.out.println("cld descending: " + back + " -> " + c + " " + Arrays.toString(c.toArray(new String[0])));
        c.removeIf(s -> s.compareTo("f") > 0);
        System.out.println("cld removeIf: " + c + " " + c.isEmpty());
        c.clear();
        try {
            c.getFirst();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("cld getFirst empty: NSEE " + c.pollFirst() + " " + c.isEmpty());
        }

        // Owner pushes and pops at the front, a thief polls at the back: every task runs exactly once.
        ConcurrentLinkedDeque<Integer> tasks = new ConcurrentLinkedDeque<>();
        long[] done = new long[2];
        int[] ran = new int[2];
        Thread owner = new Thread(() -> {
            for (int i = 1; i <= 200; i++) {
                tasks.push(i);
                if (i % 3 == 0) {
                    Integer t = tasks.pollFirst();
                    if (t != null) {
                        done[0] += t;
                        ran[0]++;
                    }
                }
            }
            Integer t;
            while ((t = tasks.pollFirst()) != null) {
                done[0] += t;
                ran[0]++;
            }
        });
        Thread thief = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                Integer t = tasks.pollLast();
                if (t != null) {
                    done[1] += t;
                    ran[1]++;
                }
                Thread.yield();
            }
        });
        owner.start();
        thief.start();
        owner.join();
        thief.join();
        System.out.println("cld stealing: ran " + (ran[0] + ran[1]) + " sum " + (done[0] + done[1]) + " left " + tasks.size());
    }
}
