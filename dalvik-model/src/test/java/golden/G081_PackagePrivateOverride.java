package golden;

import golden.pkgpriv.Base;
import golden.pkgpriv.PublicMid;
import golden.pkgpriv.SamePkgSub;
import golden.pkgpriv.other.OtherSub;

/**
 * Overriding across packages (JVMS 5.4.5/5.4.6, issue #12): a subclass in another package does not
 * override a package-private method, not even with a public one; a class back in the original
 * package below it does; a public re-declaration in the original package makes later overrides
 * anywhere count. Calls go through the superclass type, from inside the superclass's package.
 */
public class G081_PackagePrivateOverride {
    public static void main(String[] args) {
        Base b = new OtherSub();
        b.callPp();
        b.callProt();
        b.callPp2();
        ((OtherSub) b).callOwnPp();
        Base s = new SamePkgSub();
        s.callPp();
        s.callPp2();
        ((OtherSub) s).callOwnPp();
        SamePkgSub.callPpOf(s);
        SamePkgSub.callPpOf(b);
        Base m = new PublicMid();
        m.callPp2();
        Base below = new OtherSub.BelowPublicMid();
        below.callPp2();
        below.callPp();
        System.out.println(new Base.SamePkgImpl().callName());
        for (Base x : new Base[] {new Base(), b, s, m, below}) {
            x.callPp();
            x.callPp2();
        }
    }
}
