package org.cometsim.dalvik.link;

import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * A record's {@code hashCode} as the JVM computes it. javac compiles it to an
 * {@code invokedynamic} of {@code ObjectMethods.bootstrap}, whose HotSpot implementation folds the
 * components in order, {@code h = 31 * h + hash(c)} from 0 (so {@code record Q(String s, int i)}
 * gives {@code 31 * s.hashCode() + i}). D8 desugars it into a shared synthetic helper,
 * {@code $$ExternalSyntheticRecordN.m(Class, Object[])}, returning
 * {@code Arrays.hashCode(components) * 31 + recordClass.hashCode()}: a class's identity hash enters
 * every record hash code, so the VM printed other values than {@code java} (and values that
 * depend on identity hashes). The VM runs that helper as the JDK's fold instead; components' own
 * {@code hashCode} methods are called as in the JDK (boxed primitives hash as the primitives).
 */
final class RecordHashCodes {
    private static final String HELPER_CLASS_MARK = "$$ExternalSyntheticRecord";
    private static final String HELPER_DESC = "(Ljava/lang/Class;[Ljava/lang/Object;)I";

    private RecordHashCodes() {
    }

    /** Whether {@code m} is D8's record hash-code helper. */
    static boolean isD8Helper(VmMethod m) {
        return m.isStatic && m.name.equals("m") && m.desc.equals(HELPER_DESC) && m.owner.name.contains(HELPER_CLASS_MARK);
    }

    /** The JDK's record hash code over the components D8 passes (boxed, in declaration order). */
    static final NativeImpl JDK_RECORD_HASH = (in, t, args) -> {
        GuestArray components = (GuestArray) args[1];
        Object[] values = (Object[]) components.data;
        int h = 0;
        for (int i = 0; i < components.length; i++) {
            Object c = values[i];
            h = 31 * h + (c == null ? 0 : ((Number) in.callVirtual(t, c, "hashCode", "()I")).intValue());
        }
        return h;
    };
}
