package twovm;

/** The server side: answers each request with a computed reply twice its size. */
public final class Server {
    private Server() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            byte[] request = Link.receive();
            long got = (System.nanoTime() - start) / 1000;
            long h = Work.crunch(request.length * 20);
            byte[] reply = new byte[request.length * 2];
            for (int i = 0; i < reply.length; i++) {
                reply[i] = (byte) (request[i / 2] ^ h);
            }
            Link.send(reply);
            System.out.println("request " + r + ": " + request.length + " B at " + got + " us");
        }
        System.out.println("server done at " + (System.nanoTime() - start) / 1000 + " us");
    }
}
