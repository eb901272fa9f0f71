import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds a java.util.regex.Matcher (a mutable host object with no codec: its search state has no
 * API that reads it) across guest work: the thread must stay on the phone while it holds it, and
 * the server must not make one (it could not take it home). Prints what java prints.
 */
public class HostPin {
    static int work(int seed) {
        int h = seed;
        for (int i = 0; i < 20000; i++) {
            h = h * 31 + i;
        }
        return h;
    }

    public static void main(String[] args) {
        int warm = 0;
        for (int i = 0; i < 40; i++) {
            warm += work(warm);
        }
        Matcher m = Pattern.compile("(\\w)(\\d+)").matcher("a1 b22 c333 d4444 e55555");
        int acc = warm;
        int found = 0;
        while (m.find()) {
            acc += work(acc + m.end());
            found++;
            System.out.println("found " + m.group(1) + "=" + m.group(2) + " at " + m.start());
        }
        System.out.println("found=" + found + " acc=" + acc);
    }
}
