package org.cometsim.dalvik.host;

import java.util.List;

import org.cometsim.dalvik.code.Decoder;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;
import org.jf.dexlib2.MethodHandleType;
import org.jf.dexlib2.iface.reference.CallSiteReference;
import org.jf.dexlib2.iface.reference.MethodHandleReference;
import org.jf.dexlib2.iface.reference.MethodProtoReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.iface.value.MethodHandleEncodedValue;
import org.jf.dexlib2.iface.value.MethodTypeEncodedValue;
import org.jf.dexlib2.iface.value.StringEncodedValue;

/**
 * Links {@code invoke-custom} call sites (dex 038+, D8 with desugaring off). The two bootstraps
 * javac emits for ordinary code are supported: {@code LambdaMetafactory} (lambdas and method
 * references: a synthetic model class implementing the functional interface, capturing the
 * call-site arguments) and {@code StringConcatFactory.makeConcatWithConstants}. Any other
 * bootstrap stops with a precise unsupported-API error naming it.
 */
final class CallSites {
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final Heap heap;
    private final GuestExceptions exceptions;
    private final HostBridge bridge;

    CallSites(ClassLinker linker, MemberResolver resolver, Heap heap, GuestExceptions exceptions, HostBridge bridge) {
        this.linker = linker;
        this.resolver = resolver;
        this.heap = heap;
        this.exceptions = exceptions;
        this.bridge = bridge;
    }

    VmMethod link(GuestThread t, Object siteObj) {
        CallSiteReference site = (CallSiteReference) siteObj;
        MethodHandleReference bsm = site.getMethodHandle();
        MethodReference bsmRef = (MethodReference) bsm.getMemberReference();
        String owner = bsmRef.getDefiningClass();
        String bsmName = bsmRef.getName();
        MethodProtoReference proto = site.getMethodProto();
        String invokedDesc = Decoder.methodDesc(proto.getParameterTypes(), proto.getReturnType());
        List<? extends EncodedValue> extra = site.getExtraArguments();
        if (owner.equals("Ljava/lang/invoke/StringConcatFactory;") && bsmName.equals("makeConcatWithConstants")) {
            String recipe = ((StringEncodedValue) extra.get(0)).getValue();
            Object[] constants = new Object[extra.size() - 1];
            for (int i = 1; i < extra.size(); i++) {
                EncodedValue ev = extra.get(i);
                constants[i - 1] = ev instanceof StringEncodedValue ? ((StringEncodedValue) ev).getValue() : String.valueOf(ev);
            }
            return concat(invokedDesc, recipe, constants);
        }
        if (owner.equals("Ljava/lang/invoke/LambdaMetafactory;")
                && (bsmName.equals("metafactory") || bsmName.equals("altMetafactory"))) {
            MethodProtoReference samType = ((MethodTypeEncodedValue) extra.get(0)).getValue();
            MethodHandleReference impl = ((MethodHandleEncodedValue) extra.get(1)).getValue();
            return lambda(t, site.getMethodName(), invokedDesc,
                    Decoder.methodDesc(samType.getParameterTypes(), samType.getReturnType()), impl);
        }
        throw VmError.unsupported("invoke-custom with bootstrap " + Descriptors.toClassName(owner) + "." + bsmName
                + " (only LambdaMetafactory and StringConcatFactory are supported)");
    }

    private VmMethod concat(String desc, String recipe, Object[] constants) {
        VmMethod m = new VmMethod(linker.stringClass(), "makeConcatWithConstants", desc, 0x0001 | 0x0008 | 0x0100);
        char[] kinds = m.params;
        m.nativeImpl = (in, t, a) -> {
            StringBuilder sb = new StringBuilder();
            int arg = 0;
            int cst = 0;
            for (int i = 0; i < recipe.length(); i++) {
                char ch = recipe.charAt(i);
                if (ch == '\u0001') {
                    Object v = a[arg];
                    sb.append(kinds[arg] == 'L' ? stringOf(in, t, v) : String.valueOf(v));
                    arg++;
                } else if (ch == '\u0002') {
                    sb.append(constants[cst++]);
                } else {
                    sb.append(ch);
                }
            }
            return sb.toString();
        };
        return m;
    }

    /** {@code String.valueOf(Object)} for a guest value. */
    private static String stringOf(GuestCalls in, GuestThread t, Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return (String) v;
        }
        Object s = in.callVirtual(t, v, "toString", "()Ljava/lang/String;");
        return String.valueOf(s);
    }

    private VmMethod lambda(GuestThread t, String samName, String invokedDesc, String samDesc,
                                   MethodHandleReference impl) {
        VmClass iface = resolver.classForName(t, Descriptors.returnType(invokedDesc));
        MethodReference target = (MethodReference) impl.getMemberReference();
        String targetDesc = Decoder.methodDesc(target.getParameterTypes(), target.getReturnType());
        VmClass targetOwner = resolver.classForName(t, target.getDefiningClass());
        int kind = impl.getMethodHandleType();

        VmClass lambdaClass = new VmClass(VmClass.Kind.MODEL, iface.name + "$$Lambda", "L" + iface.name.replace('.', '/') + "$$Lambda;");
        lambdaClass.superclass = linker.objectClass();
        lambdaClass.interfaces = new VmClass[] {iface};
        lambdaClass.access = 0x0001 | 0x0010 | 0x1000;
        lambdaClass.initState = VmClass.INIT_DONE;
        VmMethod sam = new VmMethod(lambdaClass, samName, samDesc, 0x0001 | 0x0100);
        sam.nativeImpl = (in, th, a) -> {
            Object[] captured = (Object[]) ((GuestObject) a[0]).vmData;
            Object[] all = new Object[captured.length + a.length - 1];
            System.arraycopy(captured, 0, all, 0, captured.length);
            System.arraycopy(a, 1, all, captured.length, a.length - 1);
            VmMethod callee;
            String key = target.getName() + targetDesc;
            if (kind == MethodHandleType.INVOKE_STATIC) {
                callee = resolver.findStaticForLambda(th, targetOwner, key);
            } else if (kind == MethodHandleType.INVOKE_CONSTRUCTOR) {
                return construct(in, th, targetOwner, targetDesc, all);
            } else if (kind == MethodHandleType.INVOKE_DIRECT) {
                callee = targetOwner.methods.get(key);
            } else {
                if (all[0] == null) {
                    throw exceptions.npe(th, null);
                }
                callee = resolver.findVirtual(th, linker.classOf(all[0]), key);
            }
            return in.callGuest(th, callee, all);
        };
        lambdaClass.methods.put(sam.key(), sam);
        VmMethod factory = new VmMethod(lambdaClass, "create", invokedDesc, 0x0001 | 0x0008 | 0x0100);
        factory.nativeImpl = (in, th, a) -> {
            GuestObject g = new GuestObject(lambdaClass);
            g.vmData = a.clone();
            return g;
        };
        return factory;
    }

    private Object construct(GuestCalls in, GuestThread t, VmClass owner,
                                     String desc, Object[] args) {
        Object obj = heap.allocate(t, owner);
        Object[] withThis = new Object[args.length + 1];
        withThis[0] = obj;
        System.arraycopy(args, 0, withThis, 1, args.length);
        if (obj instanceof Heap.UninitializedHostObject) {
            VmMethod ctor = bridge.hostConstructor(owner, desc);
            try {
                return ctor.nativeImpl.invoke(in, t, withThis);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new GuestThrowable(bridge.toGuestThrowable(t, e));
            }
        }
        VmMethod ctor = owner.methods.get("<init>" + desc);
        in.callGuest(t, ctor, withThis);
        return obj;
    }
}
