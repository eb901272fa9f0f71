package golden;

/** Switches of every shape, labelled break/continue, do/while, nested loops, ternaries. */
public class G003_ControlFlow {
    enum Dir { NORTH, EAST, SOUTH, WEST }

    static String packed(int i) {
        switch (i) { case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three"; case 4: return "four"; default: return "many"; }
    }
    static String sparse(int i) {
        switch (i) { case -1000000: return "-1M"; case -5: return "-5"; case 10: return "10"; case 4096: return "4K"; case 1 << 30: return "1G"; default: return "?"; }
    }
    static int days(String month) {
        return switch (month) {
            case "feb" -> 28;
            case "apr", "jun", "sep", "nov" -> 30;
            default -> { if (month.length() != 3) yield -1; yield 31; }
        };
    }
    static Dir turn(Dir d) {
        switch (d) { case NORTH: return Dir.EAST; case EAST: return Dir.SOUTH; case SOUTH: return Dir.WEST; default: return Dir.NORTH; }
    }

    public static void main(String[] args) {
        for (int i = -1; i <= 5; i++) System.out.print(packed(i) + " ");
        System.out.println();
        int[] keys = { -1000000, -5, 0, 10, 4096, 1 << 30, Integer.MIN_VALUE };
        for (int k : keys) System.out.print(sparse(k) + " ");
        System.out.println();
        for (String m : new String[] { "jan", "feb", "apr", "dec", "sept", "jun" }) System.out.print(m + "=" + days(m) + " ");
        System.out.println();
        Dir d = Dir.WEST;
        for (int i = 0; i < 6; i++) { d = turn(d); System.out.print(d + "(" + d.ordinal() + ") "); }
        System.out.println();

        outer:
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (j == i) continue outer;
                if (i * j > 12) break outer;
                System.out.print(i + "" + j + " ");
            }
        }
        System.out.println();
        int n = 27, steps = 0;
        do { n = (n & 1) == 0 ? n / 2 : 3 * n + 1; steps++; } while (n != 1);
        System.out.println("collatz(27) steps=" + steps);
        int w = 0;
        while (true) { if (++w * w > 1000) break; }
        System.out.println("first square > 1000: " + w);
        StringBuilder fizz = new StringBuilder();
        for (int i = 1; i <= 30; i++) fizz.append(i % 15 == 0 ? "FizzBuzz" : i % 5 == 0 ? "Buzz" : i % 3 == 0 ? "Fizz" : String.valueOf(i)).append(i < 30 ? "," : "\n");
        System.out.print(fizz);
        long acc = 0;
        for (int i = 0; i < 200; i++) {
            switch (i % 7) {
                case 0: acc += i; break;
                case 1: case 2: acc -= i / 2; break;
                case 3: acc *= 3; acc %= 1000003; break;
                case 5: continue;
                default: acc ^= i;
            }
            acc++;
        }
        System.out.println("acc=" + acc);
        char grade = 'C';
        switch (grade) { case 'A': System.out.println("great"); break; case 'B': case 'C': System.out.println("fine"); default: System.out.println("(fallthrough)"); }
    }
}
