package golden.pkgpriv;

/** Package-private, protected and public methods, called from inside this package. */
public class Base {
    void pp() {
        System.out.println("Base.pp");
    }

    public void callPp() {
        pp();
    }

    protected void prot() {
        System.out.println("Base.prot");
    }

    public void callProt() {
        prot();
    }

    void pp2() {
        System.out.println("Base.pp2");
    }

    public void callPp2() {
        pp2();
    }

    abstract static class AbstractPp {
        abstract String name();

        public String callName() {
            return name();
        }
    }

    /** Overrides name() from the same package. */
    public static class SamePkgImpl extends AbstractPp {
        @Override
        String name() {
            return "SamePkgImpl.name";
        }
    }
}
