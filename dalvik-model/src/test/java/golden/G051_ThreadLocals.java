package golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ThreadLocal and InheritableThreadLocal: a value per thread (one thread's set is invisible to the
 * others), initialValue/withInitial (again after remove), set(null), an initialValue that throws or
 * uses other thread-locals, many locals in one thread, many threads each with its own value,
 * values kept by pool threads across tasks, inheritance at construction (not at start) through
 * childValue, grandchildren, the constructor that does not inherit, and a shared mutable value.
 */
public class G051_ThreadLocals {
    static final ThreadLocal<String> NAME = ThreadLocal.withInitial(() -> "initial");
    static final AtomicInteger initialCalls = new AtomicInteger();
    static final ThreadLocal<Integer> COUNTED = new ThreadLocal<>() {
        @Override
        protected Integer initialValue() {
            return 100 + initialCalls.incrementAndGet();
        }
    };

    static void run(Thread t) throws InterruptedException {
        t.start();
        t.join();
    }

    public static void main(String[] args) throws Exception {
        basics();
        notVisibleToOtherThreads();
        manyLocals();
        manyThreads();
        poolThreadsKeepTheirValues();
        inheritance();
    }

    static void basics() {
        System.out.println("withInitial: " + NAME.get());
        NAME.set("main's");
        System.out.println("after set: " + NAME.get());
        NAME.remove();
        System.out.println("after remove: " + NAME.get());
        System.out.println("initialValue: " + COUNTED.get() + " " + COUNTED.get() + " calls=" + initialCalls.get());
        COUNTED.remove();
        System.out.println("after remove: " + COUNTED.get() + " calls=" + initialCalls.get());
        COUNTED.set(null);
        System.out.println("set(null): " + COUNTED.get() + " calls=" + initialCalls.get());
        ThreadLocal<Object> plain = new ThreadLocal<>();
        System.out.println("plain: " + plain.get());
        plain.remove();
        plain.remove();
        System.out.println("removed twice: " + plain.get());
        AtomicInteger attempts = new AtomicInteger();
        ThreadLocal<String> failing = new ThreadLocal<>() {
            @Override
            protected String initialValue() {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("first initialValue fails");
                }
                return "second attempt";
            }
        };
        try {
            failing.get();
        } catch (IllegalStateException e) {
            System.out.println("initialValue threw: " + e.getMessage());
        }
        System.out.println("then: " + failing.get() + " attempts=" + attempts.get());
        ThreadLocal<String> derived = ThreadLocal.withInitial(() -> "derived from " + NAME.get());
        NAME.set("main again");
        System.out.println(derived.get());
        ThreadLocal<String> selfSetting = new ThreadLocal<>() {
            @Override
            protected String initialValue() {
                set("set inside initialValue");
                return "returned by initialValue";
            }
        };
        System.out.println("self-setting: " + selfSetting.get() + " / " + selfSetting.get());
    }

    static void notVisibleToOtherThreads() throws InterruptedException {
        NAME.set("main's value");
        COUNTED.set(7);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        run(new Thread(() -> {
            seen.add("other sees " + NAME.get() + " " + COUNTED.get());
            NAME.set("other's value");
            seen.add("other after set " + NAME.get());
        }));
        System.out.println(seen + " main still " + NAME.get() + " " + COUNTED.get());
    }

    static void manyLocals() {
        List<ThreadLocal<Integer>> locals = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ThreadLocal<Integer> tl = new ThreadLocal<>();
            tl.set(i * i);
            locals.add(tl);
        }
        for (int i = 0; i < 200; i += 2) {
            locals.get(i).remove();
        }
        long sum = 0;
        int nulls = 0;
        for (ThreadLocal<Integer> tl : locals) {
            Integer v = tl.get();
            if (v == null) {
                nulls++;
            } else {
                sum += v;
            }
        }
        for (int i = 0; i < 200; i += 2) {
            locals.get(i).set(-i);
        }
        long after = 0;
        for (ThreadLocal<Integer> tl : locals) {
            after += tl.get();
        }
        System.out.println("200 locals: removed " + nulls + " sum of the rest " + sum + " then " + after);
    }

    static void manyThreads() throws InterruptedException {
        ThreadLocal<Integer> id = new ThreadLocal<>();
        ThreadLocal<StringBuilder> trail = ThreadLocal.withInitial(StringBuilder::new);
        AtomicInteger mismatches = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            final int me = k;
            threads.add(new Thread(() -> {
                id.set(me);
                for (int step = 0; step < 50; step++) {
                    trail.get().append((char) ('a' + me % 26));
                    Thread.yield();
                    if (id.get() != me) {
                        mismatches.incrementAndGet();
                    }
                }
                if (trail.get().length() != 50) {
                    mismatches.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("24 threads x 50 steps: mismatches " + mismatches.get() + "; main's id " + id.get()
                + " main's trail '" + trail.get() + "'");
    }

    static void poolThreadsKeepTheirValues() throws Exception {
        ThreadLocal<int[]> tasksRun = ThreadLocal.withInitial(() -> new int[1]);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            results.add(pool.submit(() -> ++tasksRun.get()[0]));
        }
        int total = 0;
        int maxSeen = 0;
        for (Future<Integer> f : results) {
            maxSeen = Math.max(maxSeen, f.get());
        }
        List<Future<Integer>> finals = new ArrayList<>();
        pool.shutdown();
        System.out.println("pool terminated " + pool.awaitTermination(1, TimeUnit.DAYS));
        ExecutorService single = Executors.newSingleThreadExecutor();
        for (int i = 0; i < 5; i++) {
            finals.add(single.submit(() -> ++tasksRun.get()[0]));
        }
        for (Future<Integer> f : finals) {
            total = f.get();
        }
        single.shutdown();
        System.out.println("pool: some worker ran several tasks " + (maxSeen > 1) + "; one worker ran 5 tasks: " + total
                + "; main ran " + tasksRun.get()[0]);
    }

    static void inheritance() throws Exception {
        InheritableThreadLocal<String> inherited = new InheritableThreadLocal<>() {
            @Override
            protected String childValue(String parentValue) {
                return parentValue == null ? null : parentValue + " > child";
            }
        };
        InheritableThreadLocal<List<String>> shared = new InheritableThreadLocal<>();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread before = new Thread(() -> log.add("constructed before set: " + inherited.get()));
        inherited.set("main");
        shared.set(Collections.synchronizedList(new ArrayList<>()));
        shared.get().add("main's element");
        Thread after = new Thread(() -> {
            log.add("constructed after set: " + inherited.get());
            shared.get().add("added by child");
            inherited.set("child changed its own");
            try {
                run(new Thread(() -> log.add("grandchild: " + inherited.get())));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread noInherit = new Thread(null, () -> log.add("inheritThreadLocals=false: " + inherited.get() + " " + shared.get()),
                "no-inherit", 0, false);
        inherited.set("main, set after the children were constructed");
        run(before);
        run(after);
        run(noInherit);
        for (String s : log) {
            System.out.println(s);
        }
        System.out.println("main keeps: " + inherited.get() + "; shared list " + shared.get());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        inherited.set("main when the pool thread is made");
        System.out.println("pool thread: " + pool.submit(inherited::get).get());
        inherited.set("main later");
        System.out.println("pool thread later: " + pool.submit(inherited::get).get());
        pool.shutdown();
        InheritableThreadLocal<String> plainInherited = new InheritableThreadLocal<>();
        plainInherited.set("same value");
        String[] childSees = new String[1];
        run(new Thread(() -> childSees[0] = plainInherited.get()));
        System.out.println("default childValue: " + childSees[0] + " identical " + (childSees[0] == plainInherited.get()));
    }
}
