package golden.exit;

/** A custom checked exception with a cause escapes main: exit status 1, "Caused by:" chain on stderr only. */
public class GE03_UncaughtCustom {
    static class ConfigException extends Exception {
        ConfigException(String msg, Throwable cause) { super(msg, cause); }
        @Override public String getMessage() { return "[config] " + super.getMessage(); }
    }
    static int parsePort(String s) throws ConfigException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("bad port '" + s + "'", e);
        }
    }
    public static void main(String[] args) throws Exception {
        System.out.println("port " + parsePort("8080"));
        try {
            parsePort("80x");
        } catch (ConfigException e) {
            System.out.println("caught once: " + e.getMessage() + " / cause " + e.getCause().getClass().getSimpleName());
        }
        System.out.println("now failing for real");
        parsePort("eighty");
        System.out.println("unreachable");
    }
}
