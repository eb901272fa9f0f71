package org.cometsim.offload.policy;

/**
 * A method as the VM names it: binary class name ({@code com.example.Foo$Bar}), method name and
 * descriptor ({@code (I)J}). The key profiles and policies use for methods; {@link #toString} is
 * {@code class.name descriptor} without a space ({@code com.example.Foo.run()V}).
 */
public record MethodId(String className, String methodName, String descriptor) {
    @Override
    public String toString() {
        return className + "." + methodName + descriptor;
    }
}
