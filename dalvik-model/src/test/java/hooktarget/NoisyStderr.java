package hooktarget;

/** Writes 2 MB to stderr before its one line of stdout: a harness must drain both streams. */
public class NoisyStderr {
    public static void main(String[] args) {
        String line = "x".repeat(99);
        for (int i = 0; i < 20_000; i++) {
            System.err.println(line);
        }
        System.out.println("stdout after 2 MB of stderr");
    }
}
