/**
 * Purpose-made for policy decisions: args[1] rounds (default 1) of one compute phase of args[0]
 * iterations that touches no object, then a print (a client-pinned native: a thread on the
 * server must come home for it, and the phone's clock of the thread restarts there).
 */
public class Phases {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int r = 0; r < rounds; r++) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += (i * 31L) ^ (s >>> 3);
            }
            System.out.println("phase " + r + " " + s);
        }
    }
}
