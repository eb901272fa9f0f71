package jtt;

/** throw, move-exception, try/catch/finally, nesting, rethrow, catch order, custom exceptions, runtime exceptions, library exceptions. */
public final class Jtt_Exceptions {
    public static final Object[][] ARGS = { {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8} };

    static class MyException extends Exception {
        final int code;
        MyException(String m, int code) { super(m); this.code = code; }
        @Override public String getMessage() { return "My[" + code + "]:" + super.getMessage(); }
    }
    static class MyRuntime extends RuntimeException {
        MyRuntime(String m, Throwable cause) { super(m, cause); }
    }
    static class SubMy extends MyException { SubMy(int c) { super("sub", c); } }

    static void raise(int k) throws MyException {
        int[] arr = new int[2];
        Object o = "s";
        switch (k) {
            case 0: return;
            case 1: throw new MyException("one", 1);
            case 2: throw new SubMy(2);
            case 3: arr[k] = 1; return;                         // AIOOBE
            case 4: arr[0] = 1 / (k - 4); return;              // ArithmeticException
            case 5: Integer i = (Integer) o; arr[0] = i; return; // ClassCastException
            case 6: arr = new int[k - 10]; return;             // NegativeArraySizeException
            case 7: Object[] a = new String[1]; a[0] = 1; return; // ArrayStoreException
            default: String s = null; s.length();              // NPE
        }
    }

    public static String testCatchEach(int k) {
        try {
            raise(k);
            return "none";
        } catch (SubMy e) {
            return "SubMy " + e.getMessage() + " " + e.code;
        } catch (MyException e) {
            return "MyException " + e.getMessage();
        } catch (ArrayIndexOutOfBoundsException e) {
            return "AIOOBE " + e.getMessage();
        } catch (ArithmeticException e) {
            return "AE " + e.getMessage();
        } catch (ClassCastException e) {
            return "CCE";
        } catch (NegativeArraySizeException e) {
            return "NASE " + e.getMessage();
        } catch (ArrayStoreException e) {
            return "ASE " + e.getMessage();
        } catch (NullPointerException e) {
            return "NPE";
        }
    }

    public static String testCatchSuper(int k) {
        try {
            raise(k);
            return "none";
        } catch (RuntimeException e) {
            return "RT " + e.getClass().getSimpleName();
        } catch (Exception e) {
            return "EX " + e.getClass().getSimpleName();
        }
    }

    public static String testMultiCatch(int k) {
        try {
            raise(k);
            return "none";
        } catch (ArithmeticException | ArrayIndexOutOfBoundsException e) {
            return "multi " + e.getClass().getSimpleName();
        } catch (Throwable t) {
            return "throwable " + t.getClass().getSimpleName();
        }
    }

    public static String testFinally(int k) {
        StringBuilder sb = new StringBuilder();
        try {
            try {
                sb.append("try ");
                raise(k);
                sb.append("after ");
            } finally {
                sb.append("finally ");
            }
        } catch (Exception e) {
            sb.append("outer-catch ");
        } finally {
            sb.append("outer-finally");
        }
        return sb.toString();
    }

    @SuppressWarnings("finally")
    static int finallyOverridesReturn(int k) {
        try {
            if (k > 4) throw new IllegalStateException();
            return k;
        } finally {
            if (k % 2 == 1) return -k;
        }
    }
    public static int testFinallyReturn(int k) {
        try { return finallyOverridesReturn(k); } catch (IllegalStateException e) { return 1000; }
    }

    static int finallyValue(int k) {
        int x = k;
        try { return x; } finally { x += 100; }              // returns old x
    }
    public static int testFinallyValue(int k) { return finallyValue(k); }

    public static String testRethrowWrapped(int k) {
        try {
            try {
                raise(k);
                return "none";
            } catch (Exception e) {
                throw new MyRuntime("wrapped", e);
            }
        } catch (MyRuntime e) {
            Throwable c = e.getCause();
            return e.getMessage() + " <- " + c.getClass().getSimpleName();
        }
    }

    public static String testRethrowSame(int k) {
        try {
            try {
                raise(k);
                return "none";
            } catch (Exception e) {
                if (k % 2 == 0) throw e;
                return "swallowed";
            }
        } catch (Exception e) {
            return "rethrown " + e.getClass().getSimpleName();
        }
    }

    /** Exceptions escaping the test method (harness compares class + message). CCE and NPE rows are excluded:
     *  HotSpot's messages for those ("helpful NPE", module/loader text) are VM-specific. */
    public static final Object[][] ARGS_testUncaughtPropagates = { {0}, {1}, {2}, {3}, {4}, {6}, {7} };
    public static String testUncaughtPropagates(int k) throws Exception {
        raise(k);
        return "none";
    }

    public static String testLibraryExceptions(int k) {
        StringBuilder sb = new StringBuilder();
        try { Integer.parseInt("12x" + k); } catch (NumberFormatException e) { sb.append(e.getMessage()).append(" | "); }
        try { "abc".substring(k + 5); } catch (StringIndexOutOfBoundsException e) { sb.append("SIOOBE | "); }
        try { new java.util.ArrayList<Integer>().get(k); } catch (IndexOutOfBoundsException e) { sb.append(e.getMessage()).append(" | "); }
        try { java.util.List.of(1).add(k); } catch (UnsupportedOperationException e) { sb.append("UOE | "); }
        try { new java.util.ArrayList<Integer>().iterator().next(); } catch (java.util.NoSuchElementException e) { sb.append("NSEE | "); }
        try { Long.parseLong(""); } catch (NumberFormatException e) { sb.append(e.getMessage()); }
        return sb.toString();
    }

    public static String testStackUnwinding(int k) {
        try {
            return "depth " + recurse(k, 0);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
    static int recurse(int k, int depth) {
        if (depth == 20) throw new IllegalArgumentException("bottom at " + depth + " k=" + k);
        try {
            return recurse(k, depth + 1) + 1;
        } finally {
            if (depth == k) depthMarker++;
        }
    }
    static int depthMarker;

    public static String testTryWithResources(int k) {
        StringBuilder log = new StringBuilder();
        class Res implements AutoCloseable {
            final String n;
            Res(String n) { this.n = n; log.append("open ").append(n).append(' '); }
            public void close() throws Exception { log.append("close ").append(n).append(' '); if (k == 2 && n.equals("b")) throw new Exception("close-fail"); }
        }
        try (Res a = new Res("a"); Res b = new Res("b")) {
            log.append("body ");
            if (k == 1 || k == 2) throw new IllegalStateException("body-fail");
        } catch (Exception e) {
            log.append("caught ").append(e.getMessage());
            for (Throwable s : e.getSuppressed()) log.append(" suppressed ").append(s.getMessage());
        }
        return log.toString();
    }

    public static String testThrowNull(int k) {
        try {
            RuntimeException r = k == 100 ? new RuntimeException() : null;
            throw r;
        } catch (NullPointerException e) {
            return "NPE";
        }
    }

    public static String testErrorsAreThrowable(int k) {
        try {
            if (k < 100) throw new StackOverflowError("fake");
            return "no";
        } catch (Error e) {
            return e.getClass().getName() + ":" + e.getMessage();
        }
    }

    public static String testExceptionToString(int k) {
        Exception e = k % 2 == 0 ? new MyException("m", k) : new IllegalArgumentException("arg " + k);
        Exception plain = new RuntimeException();
        return e.toString() + " | " + plain + " | " + plain.getMessage() + " | " + new MyRuntime(null, e).getMessage();
    }

    public static String testCatchInLoop(int k) {
        int ok = 0, bad = 0;
        for (int i = 0; i < 10; i++) {
            try {
                if ((i + k) % 3 == 0) throw new RuntimeException("x");
                ok++;
            } catch (RuntimeException e) {
                bad++;
                continue;
            } finally {
                ok += 100;
            }
        }
        return ok + "/" + bad;
    }
}
