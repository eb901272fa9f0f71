package golden.pkgpriv;

/** Same package as Base, makes pp2 public: a subclass anywhere overriding it now overrides Base.pp2 too. */
public class PublicMid extends Base {
    @Override
    public void pp2() {
        System.out.println("PublicMid.pp2");
    }
}
