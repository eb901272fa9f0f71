package org.cometsim.offload.policy;

/**
 * A method boundary a policy can ask to be evaluated at (method-granularity offloading: MAUI,
 * CloneCloud): the entry or the exit of one method, named as the VM names it (binary class
 * name, method name, descriptor). The evaluation happens at the thread's next safepoint (a
 * backward branch, return or throw), where its frames can be captured: for a method with a loop
 * that is its first iteration, for one without, its return.
 */
public record MethodPoint(String className, String methodName, String descriptor, boolean exit) {
    /** The entry or exit of {@code m}. */
    public static MethodPoint of(MethodId m, boolean exit) {
        return new MethodPoint(m.className(), m.methodName(), m.descriptor(), exit);
    }

    /** The method whose boundary this is. */
    public MethodId method() {
        return new MethodId(className, methodName, descriptor);
    }

    @Override
    public String toString() {
        return (exit ? "exit of " : "entry of ") + className + "." + methodName + descriptor;
    }
}
