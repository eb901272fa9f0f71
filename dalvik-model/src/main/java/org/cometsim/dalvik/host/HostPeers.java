package org.cometsim.dalvik.host;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.sched.Scheduler;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Guest classes that extend a host library class ({@code InputStream}, {@code LinkedHashMap},
 * {@code AbstractList} ...). Such an object is a guest object plus a <em>host peer</em>: an
 * instance of a subclass of the library class generated at run time (one per library class and
 * VM), which library code sees. The peer overrides every overridable method: if the guest class
 * overrides it, the call runs the guest method (a callback), otherwise the library's own. Guest
 * code reaches inherited library methods through the peer, and {@code super.m()} through a
 * generated {@code comet$super$N} bridge; protected library fields through generated accessors.
 * The peer is created by the guest constructor's {@code super(...)} call.
 */
public final class HostPeers {
    /** Called by a peer for every overridable method; returns {@link #SUPER} to run the library's code. */
    public interface Dispatch {
        Object call(int index, Object[] args) throws Throwable;
    }

    /** Sentinel: "the guest does not override this method". Immutable. */
    public static final Object SUPER = new Object();

    private static final String DISPATCH = Type.getInternalName(Dispatch.class);
    private static final String BACKED = Type.getInternalName(HostBridge.GuestBacked.class);
    private static final String SELF = Type.getInternalName(HostPeers.class);

    /** The generated subclass of one library class. */
    public static final class Peer {
        final Class<?> host;
        final Class<?> cls;
        final Method[] methods;
        final Map<String, Integer> indexByKey = new HashMap<>();
        final List<Field> fields;

        Peer(Class<?> host, Class<?> cls, Method[] methods, List<Field> fields) {
            this.host = host;
            this.cls = cls;
            this.methods = methods;
            this.fields = fields;
            for (int i = 0; i < methods.length; i++) {
                indexByKey.put(key(methods[i]), i);
            }
        }
    }

    private final HostBridge bridge;
    private final Scheduler scheduler;
    private final GuestCalls calls;
    private final Map<Class<?>, Peer> peers = new HashMap<>();
    private final Map<VmClass, VmMethod[]> overrides = new HashMap<>();
    private final PeerLoader loader = new PeerLoader(HostPeers.class.getClassLoader());

    HostPeers(HostBridge bridge, Scheduler scheduler, GuestCalls calls) {
        this.bridge = bridge;
        this.scheduler = scheduler;
        this.calls = calls;
    }

    /** Can guest classes extend this library class? (public, not final, a public or protected constructor) */
    public static boolean canExtend(Class<?> host) {
        if (!Modifier.isPublic(host.getModifiers()) || Modifier.isFinal(host.getModifiers()) || host.isInterface()
                || !host.getModule().isExported(host.getPackageName())) {
            return false;
        }
        for (Constructor<?> c : host.getDeclaredConstructors()) {
            if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static String key(Method m) {
        return m.getName() + Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType());
    }

    public synchronized Peer peerFor(Class<?> host) {
        Peer p = peers.get(host);
        if (p == null) {
            p = generate(host);
            peers.put(host, p);
        }
        return p;
    }

    // ------------------------------------------------------------------ construction

    /** {@code super(args)} from a guest constructor into library class {@code hostBase}: creates the peer. */
    public void constructPeer(GuestThread t, GuestObject g, VmClass hostBase, String desc, Object[] args) {
        Peer p = peerFor(hostBase.host);
        List<String> ps = Descriptors.paramTypes(desc);
        for (Constructor<?> c : p.cls.getConstructors()) {
            Class<?>[] types = c.getParameterTypes();
            if (types.length != ps.size()) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < types.length && ok; i++) {
                ok = Descriptors.of(types[i]).equals(ps.get(i));
            }
            if (!ok) {
                continue;
            }
            Object[] hostArgs = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                hostArgs[i] = types[i].isPrimitive() ? args[i + 1] : bridge.toHost(args[i + 1], types[i]);
            }
            Object peer;
            try {
                peer = c.newInstance(hostArgs);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new GuestThrowable(bridge.toGuestThrowable(t, e.getCause()));
            } catch (ReflectiveOperationException e) {
                throw new VmError("internal error: cannot construct peer of " + hostBase.name + ": " + e);
            }
            try {
                p.cls.getField("comet$guest").set(peer, g);
                p.cls.getField("comet$dispatch").set(peer, (Dispatch) (i, a) -> dispatch(p, g, i, a));
            } catch (ReflectiveOperationException e) {
                throw new VmError("internal error: peer fields of " + hostBase.name + ": " + e);
            }
            g.hostView = peer;
            return;
        }
        throw VmError.unsupported(hostBase.name + ".<init>" + desc + " (no public or protected constructor)");
    }

    /**
     * Gives {@code g}, a guest object another VM shipped (made without running its constructor), a
     * peer of its library class: {@code allocate} makes an instance of the peer class without a
     * constructor, and the caller sets the library fields it was sent (offload DSM, issue #13
     * item 3). Returns the peer, now {@code g}'s host view.
     */
    public Object rebuildPeer(GuestObject g, java.util.function.Function<Class<?>, Object> allocate) {
        Peer p = peerFor(g.cls.hostBase.host);
        Object peer = allocate.apply(p.cls);
        try {
            p.cls.getField("comet$guest").set(peer, g);
            p.cls.getField("comet$dispatch").set(peer, (Dispatch) (i, a) -> dispatch(p, g, i, a));
        } catch (ReflectiveOperationException e) {
            throw new VmError("internal error: peer fields of " + g.cls.hostBase.name + ": " + e);
        }
        g.hostView = peer;
        return peer;
    }

    /** Whether {@code view} is a peer this VM generated for {@code g}'s library class. */
    public boolean isPeer(GuestObject g, Object view) {
        return view != null && g.cls.hostBase != null && peerFor(g.cls.hostBase.host).cls == view.getClass();
    }

    /** A library method called on a peer: run the guest override if there is one. */
    private Object dispatch(Peer p, GuestObject g, int index, Object[] args) throws Throwable {
        VmMethod gm = guestOverride(g.cls, p, index);
        GuestThread t = scheduler.current();
        if (gm == null || t == null) {
            return SUPER;
        }
        Method hm = p.methods[index];
        Class<?>[] types = hm.getParameterTypes();
        Object[] gargs = new Object[types.length + 1];
        gargs[0] = g;
        for (int i = 0; i < types.length; i++) {
            gargs[i + 1] = types[i].isPrimitive() ? args[i] : bridge.toGuest(args[i]);
        }
        Object res = calls.callGuest(t, gm, gargs);
        Class<?> rt = hm.getReturnType();
        if (rt == void.class) {
            return null;
        }
        return rt.isPrimitive() ? res : bridge.toHost(res, rt);
    }

    private VmMethod guestOverride(VmClass c, Peer p, int index) {
        VmMethod[] table = overrides.computeIfAbsent(c, k -> new VmMethod[p.methods.length + 1]);
        VmMethod m = table[index];
        if (m == null) {
            String key = key(p.methods[index]);
            m = NONE;
            for (VmClass k = c; k != null && k.kind == VmClass.Kind.GUEST; k = k.superclass) {
                VmMethod d = k.methods.get(key);
                if (d != null && !d.isStatic && !d.isAbstract()) {
                    m = d;
                    break;
                }
            }
            table[index] = m;
        }
        return m == NONE ? null : m;
    }

    private final VmMethod NONE = new VmMethod(null, "none", "()V", 0);

    /** {@code super.m(...)} from guest code into the library implementation (not re-dispatched to the guest). */
    public VmMethod superMethod(VmClass hostBase, String name, String desc) {
        Peer p = peerFor(hostBase.host);
        Integer idx = p.indexByKey.get(name + desc);
        if (idx == null) {
            return null;
        }
        Method hm = p.methods[idx];
        if (Modifier.isAbstract(hm.getModifiers())) {
            return null;
        }
        try {
            MethodHandle mh = MethodHandles.publicLookup().findVirtual(p.cls, "comet$super$" + idx,
                    MethodType.methodType(hm.getReturnType(), hm.getParameterTypes()));
            return bridge.wrapHandle(hostBase, name, desc, mh);
        } catch (ReflectiveOperationException e) {
            throw new VmError("internal error: super bridge " + name + desc + " of " + hostBase.name + ": " + e);
        }
    }

    /** Reads or writes a public/protected field of a peer's library class; false if there is none. */
    public boolean hasField(Class<?> host, String name) {
        for (Field f : peerFor(host).fields) {
            if (f.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public Object getField(Object peer, String name) throws Throwable {
        return peer.getClass().getMethod("comet$get$" + name).invoke(peer);
    }

    public void setField(Object peer, String name, Object value) throws Throwable {
        for (Method m : peer.getClass().getMethods()) {
            if (m.getName().equals("comet$set$" + name)) {
                m.invoke(peer, value);
                return;
            }
        }
        throw VmError.unsupported("field " + name + " of " + peer.getClass().getSuperclass().getName());
    }

    // ------------------------------------------------------------------ generation

    private static final class PeerLoader extends ClassLoader {
        PeerLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    private Peer generate(Class<?> host) {
        if (!canExtend(host)) {
            throw VmError.unsupported("extending library class " + host.getName());
        }
        Map<String, Method> byKey = new LinkedHashMap<>();
        // A method a subclass made final (DateFormat.format(Object, StringBuffer, FieldPosition),
        // abstract in Format) must not be overridden through the superclass's declaration either.
        java.util.Set<String> finalKeys = new java.util.HashSet<>();
        for (Class<?> k = host; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isFinal(mod) && !Modifier.isStatic(mod) && !Modifier.isPrivate(mod)) {
                    finalKeys.add(key(m));
                }
            }
            for (Method m : k.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (finalKeys.contains(key(m))) {
                    continue;
                }
                if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || m.isBridge() || m.isSynthetic()
                        || !(Modifier.isPublic(mod) || Modifier.isProtected(mod))) {
                    continue;
                }
                if (k == Object.class && !(m.getName().equals("toString") || m.getName().equals("equals")
                        || m.getName().equals("hashCode"))) {
                    continue;
                }
                if (!allTypesVisible(m)) {
                    continue;
                }
                byKey.putIfAbsent(key(m), m);
            }
        }
        Method[] methods = byKey.values().toArray(new Method[0]);
        List<Field> fields = new ArrayList<>();
        for (Class<?> k = host; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) && (Modifier.isPublic(mod) || Modifier.isProtected(mod))
                        && Modifier.isPublic(f.getType().getModifiers())) {
                    fields.add(f);
                }
            }
        }
        String name = "org/cometsim/dalvik/peer/" + host.getName().replace('.', '_') + "$Peer";
        String sup = Type.getInternalName(host);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, sup, new String[] {BACKED});
        cw.visitField(Opcodes.ACC_PUBLIC, "comet$dispatch", "L" + DISPATCH + ";", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PUBLIC, "comet$guest", "Ljava/lang/Object;", null, null).visitEnd();
        for (Constructor<?> c : host.getDeclaredConstructors()) {
            int mod = c.getModifiers();
            if (!(Modifier.isPublic(mod) || Modifier.isProtected(mod)) || !allVisible(c.getParameterTypes())) {
                continue;
            }
            String desc = Type.getConstructorDescriptor(c);
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", desc, null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            loadArgs(mv, c.getParameterTypes(), 1);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, sup, "<init>", desc, false);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        MethodVisitor g = cw.visitMethod(Opcodes.ACC_PUBLIC, "guestObject", "()Ljava/lang/Object;", null, null);
        g.visitCode();
        g.visitVarInsn(Opcodes.ALOAD, 0);
        g.visitFieldInsn(Opcodes.GETFIELD, name, "comet$guest", "Ljava/lang/Object;");
        g.visitInsn(Opcodes.ARETURN);
        g.visitMaxs(0, 0);
        g.visitEnd();
        for (int i = 0; i < methods.length; i++) {
            writeOverride(cw, name, sup, methods[i], i);
        }
        for (Field f : fields) {
            String fd = Type.getDescriptor(f.getType());
            String owner = Type.getInternalName(f.getDeclaringClass());
            MethodVisitor get = cw.visitMethod(Opcodes.ACC_PUBLIC, "comet$get$" + f.getName(), "()" + fd, null, null);
            get.visitCode();
            get.visitVarInsn(Opcodes.ALOAD, 0);
            get.visitFieldInsn(Opcodes.GETFIELD, owner, f.getName(), fd);
            get.visitInsn(Type.getType(fd).getOpcode(Opcodes.IRETURN));
            get.visitMaxs(0, 0);
            get.visitEnd();
            if (!Modifier.isFinal(f.getModifiers())) {
                MethodVisitor set = cw.visitMethod(Opcodes.ACC_PUBLIC, "comet$set$" + f.getName(), "(" + fd + ")V", null, null);
                set.visitCode();
                set.visitVarInsn(Opcodes.ALOAD, 0);
                set.visitVarInsn(Type.getType(fd).getOpcode(Opcodes.ILOAD), 1);
                set.visitFieldInsn(Opcodes.PUTFIELD, owner, f.getName(), fd);
                set.visitInsn(Opcodes.RETURN);
                set.visitMaxs(0, 0);
                set.visitEnd();
            }
        }
        cw.visitEnd();
        Class<?> cls = loader.define(name.replace('/', '.'), cw.toByteArray());
        return new Peer(host, cls, methods, fields);
    }

    private static boolean allTypesVisible(Method m) {
        return allVisible(m.getParameterTypes()) && allVisible(new Class<?>[] {m.getReturnType()});
    }

    private static boolean allVisible(Class<?>[] types) {
        for (Class<?> c : types) {
            Class<?> e = c;
            while (e.isArray()) {
                e = e.getComponentType();
            }
            if (!e.isPrimitive() && !(Modifier.isPublic(e.getModifiers()) && e.getModule().isExported(e.getPackageName()))) {
                return false;
            }
        }
        return true;
    }

    private static int loadArgs(MethodVisitor mv, Class<?>[] types, int slot) {
        for (Class<?> p : types) {
            Type t = Type.getType(p);
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            slot += t.getSize();
        }
        return slot;
    }

    private static void writeOverride(ClassWriter cw, String name, String sup, Method m, int index) {
        String desc = Type.getMethodDescriptor(m);
        Class<?>[] ps = m.getParameterTypes();
        Type ret = Type.getReturnType(m);
        boolean isAbstract = Modifier.isAbstract(m.getModifiers());
        String[] exceptions = null;
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, m.getName(), desc, null, exceptions);
        mv.visitCode();
        int slot = 1;
        for (Class<?> p : ps) {
            slot += Type.getType(p).getSize();
        }
        int dLocal = slot;
        int rLocal = slot + 1;
        Label toSuper = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, name, "comet$dispatch", "L" + DISPATCH + ";");
        mv.visitVarInsn(Opcodes.ASTORE, dLocal);
        mv.visitVarInsn(Opcodes.ALOAD, dLocal);
        mv.visitJumpInsn(Opcodes.IFNULL, toSuper);
        mv.visitVarInsn(Opcodes.ALOAD, dLocal);
        mv.visitLdcInsn(index);
        mv.visitLdcInsn(ps.length);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        int s = 1;
        for (int i = 0; i < ps.length; i++) {
            Type t = Type.getType(ps[i]);
            mv.visitInsn(Opcodes.DUP);
            mv.visitLdcInsn(i);
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), s);
            box(mv, t);
            mv.visitInsn(Opcodes.AASTORE);
            s += t.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, DISPATCH, "call", "(I[Ljava/lang/Object;)Ljava/lang/Object;", true);
        mv.visitVarInsn(Opcodes.ASTORE, rLocal);
        mv.visitVarInsn(Opcodes.ALOAD, rLocal);
        mv.visitFieldInsn(Opcodes.GETSTATIC, SELF, "SUPER", "Ljava/lang/Object;");
        mv.visitJumpInsn(Opcodes.IF_ACMPEQ, toSuper);
        if (ret.getSort() == Type.VOID) {
            mv.visitInsn(Opcodes.RETURN);
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, rLocal);
            unbox(mv, ret);
            mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        }
        mv.visitLabel(toSuper);
        if (isAbstract) {
            mv.visitTypeInsn(Opcodes.NEW, "java/lang/AbstractMethodError");
            mv.visitInsn(Opcodes.DUP);
            mv.visitLdcInsn(m.getDeclaringClass().getName() + "." + m.getName());
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/AbstractMethodError", "<init>", "(Ljava/lang/String;)V", false);
            mv.visitInsn(Opcodes.ATHROW);
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            loadArgs(mv, ps, 1);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, sup, m.getName(), desc, false);
            mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        if (!isAbstract) {
            MethodVisitor sb = cw.visitMethod(Opcodes.ACC_PUBLIC, "comet$super$" + index, desc, null, null);
            sb.visitCode();
            sb.visitVarInsn(Opcodes.ALOAD, 0);
            loadArgs(sb, ps, 1);
            sb.visitMethodInsn(Opcodes.INVOKESPECIAL, sup, m.getName(), desc, false);
            sb.visitInsn(ret.getOpcode(Opcodes.IRETURN));
            sb.visitMaxs(0, 0);
            sb.visitEnd();
        }
    }

    private static void box(MethodVisitor mv, Type t) {
        String owner;
        switch (t.getSort()) {
            case Type.BOOLEAN: owner = "java/lang/Boolean"; break;
            case Type.BYTE: owner = "java/lang/Byte"; break;
            case Type.CHAR: owner = "java/lang/Character"; break;
            case Type.SHORT: owner = "java/lang/Short"; break;
            case Type.INT: owner = "java/lang/Integer"; break;
            case Type.LONG: owner = "java/lang/Long"; break;
            case Type.FLOAT: owner = "java/lang/Float"; break;
            case Type.DOUBLE: owner = "java/lang/Double"; break;
            default: return;
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "valueOf", "(" + t.getDescriptor() + ")L" + owner + ";", false);
    }

    private static void unbox(MethodVisitor mv, Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN:
                mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Boolean");
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Boolean", "booleanValue", "()Z", false);
                return;
            case Type.CHAR:
                mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Character");
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Character", "charValue", "()C", false);
                return;
            case Type.BYTE: case Type.SHORT: case Type.INT: case Type.LONG: case Type.FLOAT: case Type.DOUBLE: {
                String prim = t.getClassName();
                mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Number");
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Number", prim + "Value", "()" + t.getDescriptor(), false);
                return;
            }
            default:
                mv.visitTypeInsn(Opcodes.CHECKCAST, t.getSort() == Type.ARRAY ? t.getDescriptor() : t.getInternalName());
        }
    }
}
