package jtt;

/** monitor-enter/exit: synchronized blocks and methods, nesting, reentrancy, exceptions inside, wait/notify ownership. */
public final class Jtt_Monitors {
    public static final Object[][] ARGS = { {0}, {1}, {5} };

    private int count;
    synchronized void inc() { count++; }
    synchronized int incTwice() { inc(); inc(); return count; }              // reentrant
    static synchronized int staticSync(int x) { return x * 2; }

    public static int testSyncMethods(int k) {
        Jtt_Monitors m = new Jtt_Monitors();
        for (int i = 0; i < k; i++) m.inc();
        return m.incTwice() + staticSync(k);
    }

    public static String testNested(int k) {
        Object a = new Object(), b = new Object();
        StringBuilder sb = new StringBuilder();
        synchronized (a) {
            sb.append(Thread.holdsLock(a)).append(' ');
            synchronized (b) {
                synchronized (a) { sb.append(Thread.holdsLock(b)).append(' ').append(k); }
            }
            sb.append(' ').append(Thread.holdsLock(b));
        }
        sb.append(' ').append(Thread.holdsLock(a));
        return sb.toString();
    }

    public static String testExceptionInside(int k) {
        Object lock = new Object();
        String r;
        try {
            synchronized (lock) {
                if (k > 0) throw new IllegalStateException("inside " + k);
                r = "no throw";
            }
        } catch (IllegalStateException e) {
            r = e.getMessage();
        }
        return r + " held=" + Thread.holdsLock(lock);
    }

    public static String testArithmeticInside(int k) {
        Object lock = "lock-string";
        try {
            synchronized (lock) { return "q=" + (10 / (k - 1)); }
        } catch (ArithmeticException e) {
            return e.getMessage() + " held=" + Thread.holdsLock(lock);
        }
    }

    public static String testNullMonitor(int k) {
        Object lock = k == 12345 ? new Object() : null;
        try {
            synchronized (lock) { return "entered"; }
        } catch (NullPointerException e) {
            return "NPE";
        }
    }

    public static String testIllegalMonitorState(int k) {
        Object o = new Object();
        try {
            o.notify();
            return "no";
        } catch (IllegalMonitorStateException e) {
            return "IMSE";
        }
    }

    public static String testWaitTimeout(int k) throws InterruptedException {
        Object o = new Object();
        synchronized (o) {
            o.wait(1);
            o.notifyAll();
            return "woke " + Thread.holdsLock(o);
        }
    }

    public static int testLoopSync(int k) {
        Object lock = new Object();
        int s = 0;
        for (int i = 0; i < 10; i++) {
            synchronized (lock) {
                if (i == k) continue;
                s += i;
                if (s > 30) break;
            }
        }
        return s + (Thread.holdsLock(lock) ? 1000 : 0);
    }

    public static int testReturnFromSync(int k) {
        Jtt_Monitors m = new Jtt_Monitors();
        synchronized (m) {
            synchronized (m) {
                m.count = k;
                return m.incTwice();
            }
        }
    }
}
