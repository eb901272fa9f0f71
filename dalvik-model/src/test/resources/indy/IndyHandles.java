import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Uses MethodHandle.invokeExact: invoke-polymorphic, which the VM reports as unsupported. */
public class IndyHandles {
    public static void main(String[] args) throws Throwable {
        MethodHandle h = MethodHandles.lookup().findStatic(IndyHandles.class, "twice", MethodType.methodType(int.class, int.class));
        System.out.println("before");
        int r = (int) h.invokeExact(21);
        System.out.println(r);
    }

    static int twice(int x) {
        return 2 * x;
    }
}
