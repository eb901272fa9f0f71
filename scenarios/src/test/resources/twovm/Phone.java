package twovm;

/**
 * The phone side: each round computes, sends a request and waits for the reply, while a
 * background thread computes on the phone's other work; prints simulated timestamps, so its
 * output depends on the CPU models, the link and the scheduler, and nothing else.
 */
public final class Phone {
    private Phone() {
    }

    static volatile long background;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Thread bg = new Thread(() -> {
            long s = 0;
            for (int i = 0; i < 200_000; i++) {
                s += (long) i * i % 1009;
            }
            background = s;
        }, "background");
        bg.start();
        long start = System.nanoTime();
        long acc = 0;
        for (int r = 0; r < rounds; r++) {
            acc += Work.crunch(2_000 + 500 * r);
            byte[] request = new byte[64 + (r * 997) % 3000];
            for (int i = 0; i < request.length; i++) {
                request[i] = (byte) (i * 31 + r);
            }
            Link.send(request);
            byte[] reply = Link.receive();
            acc += reply.length + reply[reply.length - 1];
            System.out.println("round " + r + ": sent " + request.length + " B, got " + reply.length + " B at "
                    + (System.nanoTime() - start) / 1000 + " us");
        }
        bg.join();
        System.out.println("phone acc=" + acc + " background=" + background + " total "
                + (System.nanoTime() - start) / 1000 + " us");
    }
}
