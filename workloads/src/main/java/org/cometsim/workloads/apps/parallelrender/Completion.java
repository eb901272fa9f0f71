package org.cometsim.workloads.apps.parallelrender;

/** Counts finished tasks; the main thread waits (wait/notifyAll) until all are done. */
final class Completion {
    private int done;

    synchronized void finished() {
        done++;
        notifyAll();
    }

    synchronized void await(int total) throws InterruptedException {
        while (done < total) {
            wait();
        }
    }
}
