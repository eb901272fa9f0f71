package hooktarget;

/** Two threads taking two locks in opposite order: a guaranteed deadlock. */
public class Deadlock {
    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws Exception {
        Thread t1 = new Thread(() -> {
            synchronized (A) {
                pause();
                synchronized (B) {
                    System.out.println("t1 got both");
                }
            }
        }, "left");
        Thread t2 = new Thread(() -> {
            synchronized (B) {
                pause();
                synchronized (A) {
                    System.out.println("t2 got both");
                }
            }
        }, "right");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }

    static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            throw new RuntimeException(e);
        }
    }
}
