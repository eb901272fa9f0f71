package golden;

/** Exceptions end-to-end: runtime exceptions raised by the VM, custom checked exceptions, finally ordering, causes, suppression. */
public class G007_Exceptions {
    static class ValidationException extends Exception {
        final String field;
        ValidationException(String field, String msg) { super(msg); this.field = field; }
        @Override public String getMessage() { return field + ": " + super.getMessage(); }
    }
    static class ServiceException extends RuntimeException {
        ServiceException(String msg, Throwable cause) { super(msg, cause); }
    }

    static int depth = 0;
    static void validate(String name, int age) throws ValidationException {
        if (name == null || name.isEmpty()) throw new ValidationException("name", "must not be empty");
        if (age < 0) throw new ValidationException("age", "negative (" + age + ")");
    }
    static String register(String name, int age) {
        try {
            validate(name, age);
            return "registered " + name;
        } catch (ValidationException e) {
            throw new ServiceException("registration failed", e);
        } finally {
            depth++;
        }
    }

    static String trace(int mode) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("a");
            try {
                sb.append("b");
                if (mode == 1) throw new IllegalStateException("m1");
                if (mode == 2) return sb.append("R").toString();
                sb.append("c");
            } catch (IllegalStateException e) {
                sb.append("d");
                if (mode == 1) throw new RuntimeException("from catch", e);
            } finally {
                sb.append("e");
            }
            sb.append("f");
        } catch (RuntimeException e) {
            sb.append("g[").append(e.getMessage()).append("<-").append(e.getCause().getMessage()).append("]");
        } finally {
            sb.append("h");
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        String[][] inputs = { { "ann", "30" }, { "", "5" }, { "bob", "-2" }, { null, "1" }, { "cy", "x" } };
        for (String[] in : inputs) {
            try {
                System.out.println(register(in[0], Integer.parseInt(in[1])));
            } catch (ServiceException e) {
                System.out.println(e.getMessage() + " caused by " + e.getCause().getClass().getSimpleName() + " -> " + e.getCause().getMessage());
            } catch (NumberFormatException e) {
                System.out.println("bad number: " + e.getMessage());
            }
        }
        System.out.println("finally ran " + depth + " times");
        for (int m = 0; m < 3; m++) System.out.println("trace(" + m + ") = " + trace(m));

        Object[] victims = { null, "str", new int[1], 0 };
        for (int i = 0; i < 6; i++) {
            try {
                switch (i) {
                    case 0: victims[0].toString(); break;
                    case 1: Integer x = (Integer) victims[1]; System.out.println(x); break;
                    case 2: ((int[]) victims[2])[1] = 5; break;
                    case 3: System.out.println(10 / (Integer) victims[3]); break;
                    case 4: System.out.println(new Object[(Integer) victims[3] - 1].length); break;
                    default: Object[] a = new String[1]; a[0] = victims[3]; break;
                }
            } catch (RuntimeException e) {
                String msg = e instanceof NullPointerException || e instanceof ClassCastException ? "" : " (" + e.getMessage() + ")";
                System.out.println(i + ": " + e.getClass().getName() + msg);
            }
        }
        try (AutoCloseable r1 = () -> System.out.println("close r1"); AutoCloseable r2 = () -> { throw new IllegalStateException("close r2 failed"); }) {
            System.out.println("in try-with-resources");
            throw new UnsupportedOperationException("body");
        } catch (Exception e) {
            System.out.println("caught " + e.getMessage() + " suppressed=" + e.getSuppressed().length + " " + e.getSuppressed()[0].getMessage());
        }
        try {
            deep(0);
        } catch (StackOverflowError e) {
            System.out.println("unexpected");
        } catch (IllegalStateException e) {
            System.out.println("deep: " + e.getMessage());
        }
    }
    static int deep(int n) { if (n == 500) throw new IllegalStateException("bottom reached at " + n); return deep(n + 1) + 1; }
}
