package jtt;

/** packed-switch, sparse-switch (dense, sparse, negative keys, no match), string switch, enum switch, switch expressions. */
public final class Jtt_Switch {
    public static final Object[][] ARGS = {
        {-2}, {-1}, {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {100}, {1000}, {-1000},
        {65536}, {Integer.MIN_VALUE}, {Integer.MAX_VALUE}, {-100000},
    };
    public static final Object[][] ARGS_testString = { {"alpha"}, {"beta"}, {"gamma"}, {""}, {"delta"}, {"Aa"}, {"BB"}, {"ALPHA"} };
    public static final Object[][] ARGS_testStringNull = { {"x"} };

    public static int testPacked(int k) {
        switch (k) {
            case 0: return 10;
            case 1: return 11;
            case 2: return 12;
            case 3: return 13;
            case 4: return 14;
            case 5: return 15;
            case 6: return 16;
            default: return -1;
        }
    }

    public static int testPackedNegativeBase(int k) {
        switch (k) {
            case -2: return 1;
            case -1: return 2;
            case 0: return 3;
            case 1: return 4;
            case 2: return 5;
            case 3: return 6;
            default: return 0;
        }
    }

    public static int testSparse(int k) {
        switch (k) {
            case -100000: return 1;
            case -1000: return 2;
            case 1: return 3;
            case 100: return 4;
            case 1000: return 5;
            case 65536: return 6;
            case Integer.MIN_VALUE: return 7;
            case Integer.MAX_VALUE: return 8;
            default: return 0;
        }
    }

    public static String testFallthrough(int k) {
        StringBuilder sb = new StringBuilder();
        switch (k) {
            case 1: sb.append('a');
            case 2: sb.append('b');
            case 3: sb.append('c'); break;
            case 4: sb.append('d');
            default: sb.append('z');
            case 5: sb.append('e');
        }
        return sb.toString();
    }

    public static int testSwitchExpr(int k) {
        return switch (k & 7) {
            case 0, 1 -> 100;
            case 2 -> 200;
            case 3, 4, 5 -> {
                int t = k * 3;
                yield t + 1;
            }
            default -> -k;
        };
    }

    public static int testNested(int k) {
        int r = 0;
        switch (k % 3) {
            case 0:
                switch (k % 5) { case 0: r = 15; break; case 1: r = 16; break; default: r = 1; }
                break;
            case 1: r = 2; break;
            case -1: r = -2; break;
            default: r = 3;
        }
        return r;
    }

    public static int testString(String s) {
        switch (s) {
            case "alpha": return 1;
            case "beta": return 2;
            case "gamma": return 3;
            case "": return 4;
            case "Aa": return 5;      // "Aa" and "BB" share a hashCode
            case "BB": return 6;
            default: return -1;
        }
    }

    public static String testStringNull(String ignored) {
        String s = ignored.length() > 5 ? ignored : null;
        try {
            switch (s) { case "x": return "x"; default: return "d"; }
        } catch (NullPointerException e) {
            return "NPE";
        }
    }

    enum Color { RED, GREEN, BLUE, ALPHA }

    public static String testEnum(int k) {
        Color c = Color.values()[Math.floorMod(k, 4)];
        switch (c) {
            case RED: return "r";
            case BLUE: return "b";
            case ALPHA: return "a";
            default: return "other:" + c.name();
        }
    }

    public static int testEnumExpr(int k) {
        Color c = Color.values()[Math.floorMod(k, 4)];
        return switch (c) { case RED -> 1; case GREEN -> 2; case BLUE -> 3; case ALPHA -> 4; };
    }

    public static int testCharSwitch(int k) {
        char ch = (char) ('a' + Math.floorMod(k, 8));
        switch (ch) {
            case 'a': case 'e': return 1;
            case 'c': return 2;
            case 'h': return 3;
            default: return 0;
        }
    }

    public static int testLoopSwitch(int k) {
        int acc = 0;
        for (int i = -3; i < 12; i++) {
            switch (i + k % 4) {
                case -3: acc += 1; break;
                case 0: acc *= 2; continue;
                case 4: acc -= 3; break;
                case 8: acc ^= 0x55; break;
                case 11: acc += 1000; break;
                default: acc++;
            }
            acc += 1;
        }
        return acc;
    }
}
