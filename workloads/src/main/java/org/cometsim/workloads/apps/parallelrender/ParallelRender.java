package org.cometsim.workloads.apps.parallelrender;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

/**
 * Multi-threaded ray tracer (COMET category: multithreaded; the kind of app whose worker threads COMET
 * migrates): the main thread starts N worker threads ({@code new Thread(Runnable, name)}), then feeds
 * bands of 4 rows into a shared {@link WorkQueue} (synchronized + wait/notify), closes it and waits on a
 * {@link Completion} monitor, then joins the workers. Each worker renders its bands straight into the
 * shared int[] image (disjoint rows, published by the monitors and by join). The checksum is taken row by
 * row in image order, so the output does not depend on which worker rendered which band.
 *
 * <p>Usage: {@code ParallelRender small|medium|paper [threads]} (default 4 worker threads):
 * 96x72, 320x240, 800x600 pixels, 12 spheres. Output fully deterministic (independent of interleaving).
 */
public final class ParallelRender {
    static final int BAND = 4;

    private ParallelRender() {
    }

    /** A render worker: takes bands until the queue is closed and drained. */
    static final class Worker implements Runnable {
        private final WorkQueue queue;
        private final Completion completion;
        private final Scene scene;
        private final int w;
        private final int h;
        private final int[] image;

        Worker(WorkQueue queue, Completion completion, Scene scene, int w, int h, int[] image) {
            this.queue = queue;
            this.completion = completion;
            this.scene = scene;
            this.w = w;
            this.h = h;
            this.image = image;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    int band = queue.take();
                    if (band < 0) {
                        return;
                    }
                    int y0 = band * BAND;
                    scene.renderRows(y0, Math.min(h, y0 + BAND), w, h, image);
                    completion.finished();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int size = AppArgs.size(args);
        int threads = AppArgs.intArg(args, 1, 4);
        int w = AppArgs.pick(size, 96, 320, 800);
        int h = AppArgs.pick(size, 72, 240, 600);
        Scene scene = new Scene(12, 99);
        int[] image = new int[w * h];
        WorkQueue queue = new WorkQueue();
        Completion completion = new Completion();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(new Worker(queue, completion, scene, w, h, image), "render-" + i);
            workers[i].start();
        }
        int bands = (h + BAND - 1) / BAND;
        for (int b = 0; b < bands; b++) {
            queue.put(b);
        }
        queue.close();
        completion.await(bands);
        for (int i = 0; i < threads; i++) {
            workers[i].join();
        }
        Checksum sum = new Checksum();
        long brightness = 0;
        for (int i = 0; i < image.length; i++) {
            sum.add(image[i]);
            int c = image[i];
            brightness += ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255);
        }
        System.out.println("parallelrender size=" + AppArgs.sizeName(size) + " " + w + "x" + h
                + " threads=" + threads + " bands=" + bands);
        System.out.println("mean brightness=" + brightness / (3L * image.length));
        System.out.println("checksum=" + sum.hex());
    }
}
