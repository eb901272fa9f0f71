package golden.pkgpriv.other;

/** Another package: its pp and (public) pp2 do not override Base's package-private ones. */
public class OtherSub extends golden.pkgpriv.Base {
    void pp() {
        System.out.println("OtherSub.pp");
    }

    @Override
    protected void prot() {
        System.out.println("OtherSub.prot");
    }

    public void pp2() {
        System.out.println("OtherSub.pp2 public");
    }

    public void callOwnPp() {
        pp();
    }

    /** Overrides PublicMid.pp2 (public), hence Base.pp2 transitively. */
    public static class BelowPublicMid extends golden.pkgpriv.PublicMid {
        @Override
        public void pp2() {
            System.out.println("BelowPublicMid.pp2");
        }
    }
}
