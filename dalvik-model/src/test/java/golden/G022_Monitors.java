package golden;

/** Monitor semantics on one thread: reentrancy, nesting, exceptions inside synchronized, synchronized methods (D8 emits explicit monitor ops), holdsLock. */
public class G022_Monitors {
    private int value;
    synchronized int get() { return value; }
    synchronized void set(int v) { value = v; }
    synchronized int addAndGet(int d) { set(get() + d); return get(); }            // reentrant
    static synchronized String staticSync() { return "static holds class lock: " + Thread.holdsLock(G022_Monitors.class); }
    synchronized void failInside() { value = -1; throw new UnsupportedOperationException("fail in synchronized method"); }
    synchronized long wideResult(long a, double b) { return a + (long) b; }

    public static void main(String[] args) throws Exception {
        G022_Monitors m = new G022_Monitors();
        System.out.println("addAndGet " + m.addAndGet(5) + " " + m.addAndGet(-2) + " holds after: " + Thread.holdsLock(m));
        System.out.println(staticSync() + ", after: " + Thread.holdsLock(G022_Monitors.class));
        try { m.failInside(); } catch (UnsupportedOperationException e) { System.out.println(e.getMessage() + "; holds: " + Thread.holdsLock(m) + "; value " + m.get()); }
        Object a = new Object(), b = new Object(), c = "string-lock";
        synchronized (a) {
            synchronized (b) {
                synchronized (a) {
                    synchronized (c) {
                        System.out.println("nested holds " + Thread.holdsLock(a) + Thread.holdsLock(b) + Thread.holdsLock(c));
                    }
                }
                System.out.println("after inner: a=" + Thread.holdsLock(a) + " c=" + Thread.holdsLock(c));
            }
        }
        System.out.println("all released: " + !(Thread.holdsLock(a) || Thread.holdsLock(b) || Thread.holdsLock(c)));
        int[] data = { 1, 2, 3 };
        for (int i = 0; i < 5; i++) {
            try {
                synchronized (data) {
                    data[i] *= 10;
                    if (i == 1) continue;
                    System.out.println("i=" + i + " data[i]=" + data[i]);
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                System.out.println("AIOOBE inside synchronized: " + e.getMessage() + " holds=" + Thread.holdsLock(data));
            }
        }
        System.out.println("labelled: " + labelled(data));
        System.out.println("wide " + m.wideResult(1L << 40, 2.75));
        Object nul = null;
        try { synchronized (nul) { System.out.println("?"); } } catch (NullPointerException e) { System.out.println("synchronized(null) -> NPE"); }
        try { a.wait(1); } catch (IllegalMonitorStateException e) { System.out.println("wait without lock -> IllegalMonitorStateException"); }
        try { b.notifyAll(); } catch (IllegalMonitorStateException e) { System.out.println("notifyAll without lock -> IllegalMonitorStateException"); }
        synchronized (a) { a.wait(1); a.notify(); }
        System.out.println("timed wait inside lock ok, holds after: " + Thread.holdsLock(a));
        Class<?> k = G022_Monitors.class;
        synchronized (k) { System.out.println("class literal lock: " + staticSync()); }
    }

    static String labelled(int[] data) {
        StringBuilder sb = new StringBuilder();
        outer:
        synchronized (data) {
            for (int v : data) {
                if (v > 20) break outer;
                sb.append(v).append(',');
            }
            sb.append("end");
        }
        return sb + " holds=" + Thread.holdsLock(data);
    }
}
