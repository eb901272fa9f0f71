package org.cometsim.dalvik.load;

/**
 * Text taken from hostile input (dex strings, versions, entry names, file names) made safe for
 * a one-line terminal message: control characters (C0, DEL, C1) are escaped, so a message never
 * spans two lines and never sends an escape sequence to the user's terminal.
 */
public final class Messages {
    private Messages() {
    }

    /** {@code s} with every control character written as {@code \n}, {@code \t} or {@code \xNN}/{@code \}{@code uNNNN}. */
    public static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (!control) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c <= 0xff) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * What a host exception says, for a one-line message: its message, or its class name when it
     * has none ({@code cannot read archive (null)} said nothing), with the cause's text when the
     * message is only a wrapper's.
     */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getMessage();
        String detail = msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
        if (root != e) {
            String rm = root.getMessage();
            String rd = root.getClass().getSimpleName() + (rm == null || rm.isBlank() ? "" : ": " + rm);
            if (!detail.contains(rd)) {
                detail = detail + " (" + rd + ")";
            }
        }
        return detail;
    }
}
