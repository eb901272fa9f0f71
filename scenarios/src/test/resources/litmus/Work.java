package litmus;

/** Pure computation the litmus threads spend time in (so policies move them), and nothing else. */
final class Work {
    private Work() {
    }

    /**
     * Sleeps {@code args[0]} milliseconds if given: the offloaded runs give the phone time to hand
     * the app's code to the server before the litmus begins (an idle wait: no instructions, and
     * in simulated time it costs no wall time); the JVM oracle passes nothing.
     */
    static void settle(String[] args) throws InterruptedException {
        if (args.length > 0) {
            Thread.sleep(Long.parseLong(args[0]));
        }
    }

    /** {@code n} rounds of an LCG: a loop of backward branches, i.e. safepoints. */
    static int spin(int n, int seed) {
        int x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 1103515245 + 12345;
            x ^= x >>> 7;
        }
        return x;
    }
}
