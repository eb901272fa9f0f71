package gaps;

import java.util.Map;

/** Thread.getAllStackTraces() stops as an unsupported API (the host's answer held host threads). */
public class AllStackTraces {
    public static void main(String[] args) {
        Map<Thread, StackTraceElement[]> m = Thread.getAllStackTraces();
        System.out.println(m.containsKey(Thread.currentThread()) + " " + m.get(Thread.currentThread())[0].getMethodName());
    }
}
