package gaps;

import java.lang.reflect.Proxy;

/** Proxy.newProxyInstance for a guest interface stops as an unsupported API. */
public class GuestInterfaceProxy {
    interface Greeter {
        String greet(String n);
    }

    public static void main(String[] args) {
        Greeter g = (Greeter) Proxy.newProxyInstance(GuestInterfaceProxy.class.getClassLoader(), new Class<?>[] {Greeter.class},
                (p, m, a) -> m.getName().equals("greet") ? "hi " + a[0] : null);
        System.out.println(g.greet("bob") + " " + Proxy.isProxyClass(g.getClass()));
    }
}
