package golden.pkgpriv;

/** Back in Base's package, below a class of another package: overrides Base.pp (JVMS 5.4.5). */
public class SamePkgSub extends golden.pkgpriv.other.OtherSub {
    @Override
    void pp() {
        System.out.println("SamePkgSub.pp");
    }

    public static void callPpOf(Base b) {
        b.pp();
    }
}
