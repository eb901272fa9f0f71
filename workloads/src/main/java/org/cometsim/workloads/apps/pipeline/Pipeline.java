package org.cometsim.workloads.apps.pipeline;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;
import org.cometsim.workloads.apps.Lcg;

/**
 * Multi-threaded producer/consumer pipeline (COMET category: multithreaded): P producer threads generate
 * jobs (seeded int arrays) into a bounded buffer; W worker threads take jobs, sort a copy (heap sort) and
 * summarise it (median, distinct values, hash), putting results into a second bounded buffer; one sink
 * thread stores each result at its job id. Stages stop on poison pills. Buffers use synchronized +
 * wait/notifyAll (capacity 4, so threads block often). Threads are {@code Thread} subclasses.
 * The checksum folds results in job-id order, so output is independent of thread interleaving.
 *
 * <p>Usage: {@code Pipeline small|medium|paper [workers]} (2 producers, default 3 workers, 1 sink):
 * 60 jobs of 256 ints; 400 of 1024; 1500 of 4096. Output fully deterministic.
 */
public final class Pipeline {
    static final int PRODUCERS = 2;
    private static final Object POISON = new Object();

    private Pipeline() {
    }

    /** A unit of work. */
    static final class Job {
        final int id;
        final int[] data;

        Job(int id, int[] data) {
            this.id = id;
            this.data = data;
        }
    }

    /** A job's summary. */
    static final class Result {
        final int id;
        final int median;
        final int distinct;
        final long hash;

        Result(int id, int median, int distinct, long hash) {
            this.id = id;
            this.median = median;
            this.distinct = distinct;
            this.hash = hash;
        }
    }

    static final class Producer extends Thread {
        private final int index;
        private final int jobs;
        private final int length;
        private final BoundedBuffer out;

        Producer(int index, int jobs, int length, BoundedBuffer out) {
            super("producer-" + index);
            this.index = index;
            this.jobs = jobs;
            this.length = length;
            this.out = out;
        }

        @Override
        public void run() {
            try {
                for (int id = index; id < jobs; id += PRODUCERS) {
                    Lcg rnd = new Lcg(1000L + id);
                    int[] data = new int[length];
                    for (int i = 0; i < length; i++) {
                        data[i] = rnd.nextInt(length * 4);
                    }
                    out.put(new Job(id, data));
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class Worker extends Thread {
        private final BoundedBuffer in;
        private final BoundedBuffer out;

        Worker(int index, BoundedBuffer in, BoundedBuffer out) {
            super("worker-" + index);
            this.in = in;
            this.out = out;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Object o = in.take();
                    if (o == POISON) {
                        return;
                    }
                    out.put(summarise((Job) o));
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class Sink extends Thread {
        private final BoundedBuffer in;
        private final Result[] results;

        Sink(BoundedBuffer in, Result[] results) {
            super("sink");
            this.in = in;
            this.results = results;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Object o = in.take();
                    if (o == POISON) {
                        return;
                    }
                    Result r = (Result) o;
                    results[r.id] = r;
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int size = AppArgs.size(args);
        int workers = AppArgs.intArg(args, 1, 3);
        int jobs = AppArgs.pick(size, 60, 400, 1500);
        int length = AppArgs.pick(size, 256, 1024, 4096);
        BoundedBuffer jobBuffer = new BoundedBuffer(4);
        BoundedBuffer resultBuffer = new BoundedBuffer(4);
        Result[] results = new Result[jobs];

        Sink sink = new Sink(resultBuffer, results);
        sink.start();
        Worker[] ws = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            ws[i] = new Worker(i, jobBuffer, resultBuffer);
            ws[i].start();
        }
        Producer[] ps = new Producer[PRODUCERS];
        for (int i = 0; i < PRODUCERS; i++) {
            ps[i] = new Producer(i, jobs, length, jobBuffer);
            ps[i].start();
        }
        for (int i = 0; i < PRODUCERS; i++) {
            ps[i].join();
        }
        for (int i = 0; i < workers; i++) {
            jobBuffer.put(POISON);
        }
        for (int i = 0; i < workers; i++) {
            ws[i].join();
        }
        resultBuffer.put(POISON);
        sink.join();

        Checksum sum = new Checksum();
        long medians = 0;
        for (int i = 0; i < jobs; i++) {
            Result r = results[i];
            if (r == null || r.id != i) {
                throw new IllegalStateException("missing result " + i);
            }
            sum.add(r.median).add(r.distinct).add(r.hash);
            medians += r.median;
        }
        System.out.println("pipeline size=" + AppArgs.sizeName(size) + " jobs=" + jobs + " length=" + length
                + " producers=" + PRODUCERS + " workers=" + workers);
        System.out.println("result[0]: median=" + results[0].median + " distinct=" + results[0].distinct
                + " sum of medians=" + medians);
        System.out.println("checksum=" + sum.hex());
    }

    static Result summarise(Job job) {
        int[] a = new int[job.data.length];
        System.arraycopy(job.data, 0, a, 0, a.length);
        heapSort(a);
        int distinct = a.length == 0 ? 0 : 1;
        long hash = 1;
        for (int i = 0; i < a.length; i++) {
            if (i > 0 && a[i] != a[i - 1]) {
                distinct++;
            }
            hash = hash * 1_000_003L + a[i];
        }
        return new Result(job.id, a[a.length / 2], distinct, hash);
    }

    static void heapSort(int[] a) {
        int n = a.length;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            int t = a[0];
            a[0] = a[end];
            a[end] = t;
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(int[] a, int i, int n) {
        int v = a[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && a[child + 1] > a[child]) {
                child++;
            }
            if (a[child] <= v) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = v;
    }
}
