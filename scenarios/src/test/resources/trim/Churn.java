import java.util.HashMap;
import java.util.Map;

/**
 * Allocation-heavy and long-running: every round builds a fresh list of nodes (objects, arrays,
 * boxes, strings), walks it and drops it; a small ring keeps the last few lists alive and a cache
 * evicts old entries. Under pingpong the thread moves with the current list in its registers, so
 * every round's objects become tracked; without a trim the tracked set grows with the rounds.
 */
public class Churn {
    static final class Node {
        int value;
        Node next;
        int[] data;
        Object tag;
        String name;
    }

    static final Node[] RING = new Node[4];
    static final Map<Integer, String> CACHE = new HashMap<>();
    static final String[] NAMES = new String[40];

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        long sum = 0;
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = "n" + i;
        }
        for (int r = 0; r < rounds; r++) {
            Node head = null;
            for (int i = 0; i < 40; i++) {
                Node n = new Node();
                n.value = i * 31 + r;
                n.data = new int[] {i, r, i ^ r};
                n.tag = Integer.valueOf(1000 + i * r); // boxes outside the small cache: host values with ids
                n.name = NAMES[i];
                n.next = head;
                head = n;
            }
            for (Node n = head; n != null; n = n.next) {
                sum += n.value + n.data[2] + ((Integer) n.tag) + n.name.length();
            }
            RING[r % RING.length] = head;
            CACHE.put(r, r % 10 == 0 ? "round " + r : NAMES[r % NAMES.length]);
            CACHE.remove(r - 8);
        }
        long ring = 0;
        for (Node h : RING) {
            for (Node n = h; n != null; n = n.next) {
                ring += n.value * 7L + n.data[0] + n.name.hashCode();
            }
        }
        System.out.println("sum " + sum + " ring " + ring + " cache " + CACHE.size() + " " + CACHE.get(rounds - 1));
    }
}
