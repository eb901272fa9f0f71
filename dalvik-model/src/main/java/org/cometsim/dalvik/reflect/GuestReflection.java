package org.cometsim.dalvik.reflect;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.reflect.GenericSignatures.ClassSignature;
import org.cometsim.dalvik.reflect.GenericSignatures.MethodSignature;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.reference.MethodReference;

/**
 * What reflection knows about guest and library classes (issue #3), for the reflection model
 * classes ({@code java.lang.reflect.AccessibleObject}, {@code Executable}, {@code Method},
 * {@code Constructor}, {@code Field}, {@code RecordComponent} and the reflective queries of
 * {@code Class}, package {@code model}) to answer from: members and their mirrors, the JDK's
 * access checks and argument conversions, class metadata (enclosing and declaring classes,
 * modifiers, names, records), generic signatures as guest {@code Type} values
 * ({@link GuestTypes}) and annotations ({@link GuestAnnotations}).
 *
 * <p>A mirror ({@code Method}/{@code Constructor}) is a guest object with the JDK's
 * {@code override} flag as a real (DSM-trackable) field and an immutable {@link Exec} as its
 * {@code vmData}; a {@code Field} mirror carries its {@link VmField}. Like the JDK, every lookup
 * returns a fresh mirror; {@code equals} compares declaring class, name and descriptor.
 *
 * <p>Which classes answer from where:
 * <ul>
 *   <li>guest classes (including guest-library {@code java.*} classes): their dex definition;
 *       declared methods in dex order, fields in class-file order when the class file is at hand
 *       (see {@link ReflectionMetadata}), else dex order;</li>
 *   <li>library classes (host and model): the host JDK's public members and generic
 *       information; their non-public members (the JDK's internals) stop with
 *       {@code unsupported API}, as do {@code getDeclaredMethods()} on them.</li>
 * </ul>
 * For invocation ({@code Method.invoke}, {@code Constructor.newInstance}, which run the target in
 * a nested interpreter loop on the calling guest thread) it checks access against the calling
 * guest class and converts arguments and results as JDK 17 does, with its messages (those of the
 * native accessor used for the first invocations).
 *
 * <p>Annotations: instances of runtime-visible annotations ({@link GuestAnnotations}) on guest
 * classes and members; library classes and members answer with the JDK's own annotation objects.
 *
 * <p>Not supported (they stop with {@code unsupported API}): {@code getAnnotations()} arrays of two or
 * more annotations of one guest element whose class did not come from a jar on the guest class
 * path (dex does not keep their order; the class file does), annotation
 * {@code toString} where the JDK's member order is not determined (see {@link GuestAnnotations}),
 * {@code getAnnotationsByType}, {@code getParameters},
 * {@code toGenericString}, annotations of record components.
 */
public final class GuestReflection {
    private static final String UNSAFE = "sun.misc.Unsafe";

    private static final int PUBLIC = Modifier.PUBLIC;
    private static final int PRIVATE = Modifier.PRIVATE;
    private static final int PROTECTED = Modifier.PROTECTED;
    private static final int STATIC = Modifier.STATIC;
    private static final int ABSTRACT = Modifier.ABSTRACT;
    /** HotSpot's JVM_RECOGNIZED_METHOD_MODIFIERS: what {@code Method.getModifiers()} reports. */
    private static final int METHOD_MODIFIERS = 0x1DFF;
    /** HotSpot's JVM_RECOGNIZED_FIELD_MODIFIERS: what {@code Field.getModifiers()} reports. */
    public static final int FIELD_MODIFIERS = 0x50DF;

    /**
     * What a {@code Method}/{@code Constructor} mirror stands for. {@link #method} is the guest
     * method for guest classes; for library members it is null and the implementation is resolved
     * at each call (dispatch on the receiver, natives, the host bridge), {@link #host} giving the
     * JDK's metadata.
     */
    public static final class Exec {
        public final VmClass declaring;
        public final String name;
        public final String desc;
        public final int modifiers;
        public final VmMethod method;
        public final java.lang.reflect.Executable host;
        public final List<String> params;

        Exec(VmClass declaring, String name, String desc, int modifiers, VmMethod method, java.lang.reflect.Executable host) {
            this.declaring = declaring;
            this.name = name;
            this.desc = desc;
            this.modifiers = modifiers;
            this.method = method;
            this.host = host;
            this.params = Descriptors.paramTypes(desc);
        }

        public boolean isConstructor() {
            return name.equals("<init>");
        }

        /** The return type's descriptor. */
        public String ret() {
            return Descriptors.returnType(desc);
        }

        /** Name and parameter descriptor, without the return type: what {@code getMethod} matches. */
        public String paramKey() {
            return name + desc.substring(0, desc.indexOf(')') + 1);
        }
    }

    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final GuestExceptions exceptions;
    private final HostBridge bridge;
    private final VmWorld world;
    private final GuestTypes types;
    private final GuestAnnotations annotations;
    private final Map<VmClass, ReflectionMetadata> metadata = new IdentityHashMap<>();
    private final Map<VmClass, List<Exec>> publicMethods = new IdentityHashMap<>();

    /**
     * Reflection in one VM. {@code world} gives the guest's launch {@code java.class.path}, where class
     * files (declaration orders, record components) are read; {@code calls} runs the guest
     * methods that {@code Type} and annotation values call ({@code equals}, {@code toString} ...).
     */
    public GuestReflection(ClassLinker linker, MemberResolver resolver, ClassInitializer initializer, Heap heap,
                           GuestExceptions exceptions, GuestCalls calls, HostBridge bridge, VmWorld world) {
        this.linker = linker;
        this.resolver = resolver;
        this.exceptions = exceptions;
        this.bridge = bridge;
        this.world = world;
        this.types = new GuestTypes(linker, exceptions, calls, this);
        this.annotations = new GuestAnnotations(linker, resolver, initializer, heap, exceptions, calls, this, types);
    }

    /** Guest {@code Type} values. */
    public GuestTypes types() {
        return types;
    }

    private VmClass cls(String d) {
        return linker.classForDescriptor(d);
    }

    private GuestThrowable iae(GuestThread t, String msg) {
        return exceptions.create(t, "java.lang.IllegalArgumentException", msg);
    }

    // ------------------------------------------------------------------ mirrors

    /** The member a {@code Field} mirror stands for. */
    public static VmField fieldOf(Object mirror) {
        return (VmField) ((GuestObject) mirror).vmData;
    }

    /** The member a {@code Method}/{@code Constructor} mirror stands for. */
    public static Exec execOf(Object mirror) {
        return (Exec) ((GuestObject) mirror).vmData;
    }

    /** A fresh {@code Field} mirror (the JDK returns copies too; {@code override} starts false). */
    public GuestObject fieldMirror(VmField f) {
        GuestObject g = new GuestObject(cls("Ljava/lang/reflect/Field;"));
        g.vmData = f;
        return g;
    }

    /** A fresh {@code Method} or {@code Constructor} mirror of {@code e}. */
    public GuestObject mirror(Exec e) {
        GuestObject g = new GuestObject(cls(e.isConstructor() ? "Ljava/lang/reflect/Constructor;" : "Ljava/lang/reflect/Method;"));
        g.vmData = e;
        return g;
    }

    /** Is {@code k} a record? D8 desugars {@code java.lang.Record} to {@code com.android.tools.r8.RecordTag}. */
    public static boolean isRecord(VmClass k) {
        VmClass s = k.superclass;
        return s != null && (s.name.equals("java.lang.Record") || s.name.equals("com.android.tools.r8.RecordTag"));
    }

    // ------------------------------------------------------------------ annotations

    /** The dex annotations of a guest class or guest member mirror (type descriptor to annotation), else null. */
    private Map<String, org.jf.dexlib2.iface.Annotation> dexAnnotations(Object element) {
        if (element instanceof VmClass) {
            ReflectionMetadata m = meta((VmClass) element);
            return m == null ? null : m.annotations;
        }
        ReflectionMetadata m = memberMeta(element);
        ReflectionMetadata.Member mm = m == null ? null : m.members.get(memberKey(element));
        return mm == null ? null : mm.annotations();
    }

    /** Whether an element's annotations are in class-file order (see {@link ReflectionMetadata#annotationOrderKnown}). */
    private boolean annotationOrderKnown(Object element) {
        ReflectionMetadata m = element instanceof VmClass ? meta((VmClass) element) : memberMeta(element);
        return m != null && m.annotationOrderKnown.contains(element instanceof VmClass ? "" : memberKey(element));
    }

    /** The metadata of the guest class declaring a reflected field, method or constructor, or null. */
    private ReflectionMetadata memberMeta(Object element) {
        Object d = ((GuestObject) element).vmData;
        if (d instanceof VmField) {
            return meta(((VmField) d).owner);
        }
        Exec e = (Exec) d;
        return e.host != null ? null : meta(e.declaring);
    }

    private static String memberKey(Object element) {
        Object d = ((GuestObject) element).vmData;
        if (d instanceof VmField) {
            return "F" + ((VmField) d).name;
        }
        Exec e = (Exec) d;
        return e.name + e.desc;
    }

    /** The JDK element of a library class or member (its annotations are the JDK's), else null. */
    private static java.lang.reflect.AnnotatedElement hostElement(Object element) {
        if (element instanceof VmClass) {
            VmClass k = (VmClass) element;
            return k.kind == VmClass.Kind.GUEST || k.kind == VmClass.Kind.ARRAY ? null : k.host;
        }
        Object d = ((GuestObject) element).vmData;
        return d instanceof Exec ? ((Exec) d).host : null;
    }

    public Set<String> declaredAnnotationTypes(Object element) {
        Map<String, org.jf.dexlib2.iface.Annotation> dex = dexAnnotations(element);
        if (dex != null) {
            return dex.keySet();
        }
        Set<String> out = new java.util.HashSet<>();
        java.lang.reflect.AnnotatedElement h = hostElement(element);
        if (h != null) {
            for (java.lang.annotation.Annotation a : h.getDeclaredAnnotations()) {
                out.add(Descriptors.of(a.annotationType()));
            }
        }
        return out;
    }

    /** The declared annotation of {@code type} on an element (a guest instance, or the JDK's own object), or null. */
    @SuppressWarnings("unchecked")
    public Object declaredAnnotation(GuestThread t, Object element, VmClass type) {
        Map<String, org.jf.dexlib2.iface.Annotation> dex = dexAnnotations(element);
        if (dex != null) {
            org.jf.dexlib2.iface.Annotation a = dex.get(type.descriptor);
            return a == null ? null : annotations.instance(t, type.descriptor, a);
        }
        java.lang.reflect.AnnotatedElement h = hostElement(element);
        if (h == null || type.kind != VmClass.Kind.HOST || !type.host.isAnnotation()) {
            return null; // a guest annotation type cannot be on a library element
        }
        return h.getDeclaredAnnotation((Class<? extends java.lang.annotation.Annotation>) type.host);
    }

    /**
     * All declared annotations of an element, type descriptor to annotation. The dex format sorts
     * them by type, losing the class file's order the JDK reports: an array of two or more is in
     * the class file's order when the class came from a jar on the guest class path, else stops.
     */
    public Map<String, Object> declaredAnnotations(GuestThread t, Object element, boolean ordered) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, org.jf.dexlib2.iface.Annotation> dex = dexAnnotations(element);
        if (dex != null) {
            // As the JDK's AnnotationParser, skip annotations whose type is not on the class path.
            Map<String, org.jf.dexlib2.iface.Annotation> present = new LinkedHashMap<>();
            for (Map.Entry<String, org.jf.dexlib2.iface.Annotation> e : dex.entrySet()) {
                if (loadable(e.getKey())) {
                    present.put(e.getKey(), e.getValue());
                }
            }
            dex = present;
            if (ordered && dex.size() > 1 && !annotationOrderKnown(element)) {
                throw VmError.unsupported("java.lang.reflect.AnnotatedElement.getAnnotations()[Ljava/lang/annotation/Annotation; of "
                        + (element instanceof VmClass ? element : describe(t, element))
                        + ": it has several annotations, whose class-file order is not kept in dex (it is known"
                        + " when the class comes from a jar on the class path)");
            }
            for (Map.Entry<String, org.jf.dexlib2.iface.Annotation> e : dex.entrySet()) {
                out.put(e.getKey(), annotations.instance(t, e.getKey(), e.getValue()));
            }
            return out;
        }
        java.lang.reflect.AnnotatedElement h = hostElement(element);
        if (h != null) {
            for (java.lang.annotation.Annotation a : h.getDeclaredAnnotations()) {
                out.put(Descriptors.of(a.annotationType()), a);
            }
        }
        return out;
    }

    /**
     * {@code getParameterAnnotations()}: one array per parameter. Guest members answer from the
     * dex parameter annotations (runtime-visible, types not on the class path skipped); a parameter
     * with two or more stops, as their class-file order is not kept. Library members give the JDK's.
     */
    public GuestArray parameterAnnotations(GuestThread t, Object element) {
        Exec e = execOf(element);
        if (e.host != null) {
            return (GuestArray) bridge.toGuest(e.host.getParameterAnnotations());
        }
        ReflectionMetadata m = memberMeta(element);
        ReflectionMetadata.Member mm = m == null ? null : m.members.get(memberKey(element));
        List<Map<String, org.jf.dexlib2.iface.Annotation>> all = mm == null ? List.of() : mm.parameterAnnotations();
        int n = e.params.size();
        Object[] rows = new Object[n];
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            Map<String, org.jf.dexlib2.iface.Annotation> dex = i < all.size() ? all.get(i) : Map.of();
            for (Map.Entry<String, org.jf.dexlib2.iface.Annotation> an : dex.entrySet()) {
                if (loadable(an.getKey())) {
                    row.add(annotations.instance(t, an.getKey(), an.getValue()));
                }
            }
            if (row.size() > 1) {
                throw VmError.unsupported("java.lang.reflect.Executable.getParameterAnnotations()[[Ljava/lang/annotation/Annotation; of "
                        + describe(t, element) + ": parameter " + i + " has several annotations, whose class-file order is"
                        + " not kept in dex");
            }
            Object[] data = row.toArray();
            rows[i] = new GuestArray(cls("[Ljava/lang/annotation/Annotation;"), data, data.length);
        }
        return new GuestArray(cls("[[Ljava/lang/annotation/Annotation;"), rows, n);
    }

    private boolean loadable(String descriptor) {
        try {
            return linker.classForDescriptor(descriptor) != null;
        } catch (ClassLinker.LinkageFailure e) {
            return false;
        }
    }

    public GuestArray annotationArray(Map<String, Object> annotations) {
        Object[] out = annotations.values().toArray();
        return new GuestArray(cls("[Ljava/lang/annotation/Annotation;"), out, out.length);
    }

    private boolean isInherited(String annotationType) {
        VmClass type = linker.classForDescriptor(annotationType);
        return type != null && declaredAnnotationTypes(type).contains("Ljava/lang/annotation/Inherited;");
    }

    /** Class.getAnnotations: the superclass's @Inherited annotations, then the declared ones (AnnotationData). */
    public Map<String, Object> classAnnotations(GuestThread t, VmClass k) {
        Map<String, Object> declared = declaredAnnotations(t, k, true);
        VmClass sup = k.isInterface() || k.isPrimitive() ? null : k.superclass;
        if (sup == null) {
            return declared;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : classAnnotations(t, sup).entrySet()) {
            if (isInherited(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        out.putAll(declared);
        return out;
    }

    /** The class (k or, for an @Inherited annotation type, a superclass) carrying annotation {@code type}; else null. */
    public VmClass annotatedClass(VmClass k, VmClass type) {
        if (declaredAnnotationTypes(k).contains(type.descriptor)) {
            return k;
        }
        if (!isInherited(type.descriptor) || k.isInterface()) {
            return null;
        }
        for (VmClass s = k.superclass; s != null; s = s.superclass) {
            if (declaredAnnotationTypes(s).contains(type.descriptor)) {
                return s;
            }
        }
        return null;
    }

    /** A reflected member as its {@code toString} shows it. */
    public String describe(GuestThread t, Object mirror) {
        Object d = ((GuestObject) mirror).vmData;
        return d instanceof VmField ? fieldToString((VmField) d) : execToString(t, (Exec) d);
    }

    /** May {@code setAccessible(true)} succeed on this mirror (guest members, and public members of public library classes)? */
    public boolean canSetAccessible(GuestObject mirror) {
        Object d = mirror.vmData;
        VmClass k = d instanceof VmField ? ((VmField) d).owner : ((Exec) d).declaring;
        int mods = d instanceof VmField ? ((VmField) d).access : ((Exec) d).modifiers;
        if (k.kind == VmClass.Kind.GUEST || k.name.equals(UNSAFE)) {
            return true; // the unnamed module, and jdk.unsupported's sun.misc (open to all)
        }
        return (mods & PUBLIC) != 0 && (classAccessFlags(k) & PUBLIC) != 0;
    }

    public void checkCanSetAccessible(GuestObject mirror) {
        if (!canSetAccessible(mirror)) {
            // The JDK throws InaccessibleObjectException naming the caller's unnamed module by identity hash.
            throw VmError.unsupported("java.lang.reflect.AccessibleObject.setAccessible(Z)V on a non-public member of library class "
                    + (mirror.vmData instanceof VmField ? ((VmField) mirror.vmData).owner.name : ((Exec) mirror.vmData).declaring.name));
        }
    }

    /** The guest class calling the reflective method (HotSpot's Reflection.getCallerClass). */
    private static VmClass caller(GuestThread t) {
        return t.top == null ? null : t.top.method.owner;
    }

    /**
     * May the guest class calling the reflective method use a member of {@code declaring} with
     * {@code modifiers}, on {@code target} (the receiver's class; null for statics)?
     */
    public boolean callerMayAccess(GuestThread t, VmClass declaring, VmClass target, int modifiers) {
        return verifyAccess(caller(t), declaring, target, modifiers);
    }

    /**
     * The JDK's access check for a non-overridden mirror: IllegalAccessException with the JDK's
     * message if the calling guest class may not use the member.
     */
    public void checkAccess(GuestThread t, VmClass declaring, int modifiers, VmClass target) {
        VmClass caller = caller(t);
        if (verifyAccess(caller, declaring, target, modifiers)) {
            return;
        }
        String msg = caller + moduleSuffix(caller) + " cannot access a member of " + declaring + moduleSuffix(declaring)
                + " with modifiers \"" + Modifier.toString(modifiers) + "\"";
        throw exceptions.create(t, "java.lang.IllegalAccessException", msg);
    }

    private static String moduleSuffix(VmClass k) {
        if (k.kind == VmClass.Kind.GUEST || k.host == null || !k.host.getModule().isNamed()) {
            return "";
        }
        return " (in " + k.host.getModule() + ")";
    }

    /** Reflection.verifyMemberAccess (JDK 17); modules: guest classes are all in the unnamed module. */
    private boolean verifyAccess(VmClass caller, VmClass member, VmClass target, int modifiers) {
        if (caller == null || caller == member) {
            return true;
        }
        boolean samePackage = packageOf(caller).equals(packageOf(member));
        if ((classAccessFlags(member) & PUBLIC) == 0 && !samePackage) {
            return false;
        }
        if ((modifiers & PUBLIC) != 0) {
            return true;
        }
        if ((modifiers & PRIVATE) != 0 && nestHost(caller) == nestHost(member)) {
            return true;
        }
        boolean ok = (modifiers & PROTECTED) != 0 && isSubclass(caller, member);
        if (!ok && (modifiers & PRIVATE) == 0 && samePackage) {
            ok = true;
        }
        if (!ok) {
            return false;
        }
        return target == null || (modifiers & PROTECTED) == 0 || target == caller || samePackage || isSubclass(target, caller);
    }

    private static boolean isSubclass(VmClass a, VmClass b) {
        for (VmClass c = a; c != null; c = c.superclass) {
            if (c == b) {
                return true;
            }
        }
        return false;
    }

    private static String packageOf(VmClass k) {
        while (k.isArray()) {
            k = k.component;
        }
        int dot = k.name.lastIndexOf('.');
        return dot < 0 ? "" : k.name.substring(0, dot);
    }

    /** The class file's own access flags (not the inner-class flags), as Reflection.getClassAccessFlags. */
    private static int classAccessFlags(VmClass k) {
        if (k.kind == VmClass.Kind.ARRAY || k.kind == VmClass.Kind.PRIMITIVE) {
            return PUBLIC;
        }
        if (k.kind == VmClass.Kind.GUEST) {
            return k.access;
        }
        return k.host != null ? k.host.getModifiers() : k.access;
    }

    /** javac's nest host: the top-level class enclosing a guest class. */
    private VmClass nestHost(VmClass k) {
        VmClass c = k;
        for (int guard = 0; guard < 64; guard++) {
            VmClass e = enclosingClass(c);
            if (e == null) {
                return c;
            }
            c = e;
        }
        return c;
    }

    // ------------------------------------------------------------------ Executable, Method, Constructor

    public static boolean isDefault(Exec e) {
        return (e.modifiers & (ABSTRACT | PUBLIC | STATIC)) == PUBLIC && e.declaring.isInterface() && !e.isConstructor();
    }

    /** The declared exception types of a method or constructor, as descriptors. */
    public List<String> exceptionTypes(Exec e) {
        if (e.host != null) {
            List<String> out = new ArrayList<>();
            for (Class<?> x : e.host.getExceptionTypes()) {
                out.add(Descriptors.of(x));
            }
            return out;
        }
        ReflectionMetadata m = meta(e.declaring);
        ReflectionMetadata.Member mm = m == null ? null : m.members.get(e.name + e.desc);
        return mm == null ? List.of() : mm.exceptions();
    }

    /** A guest {@code Class[]} of the classes named by {@code descs}. */
    public GuestArray classArray(GuestThread t, List<String> descs) {
        Object[] out = new Object[descs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = resolver.classForName(t, descs.get(i));
        }
        return new GuestArray(cls("[Ljava/lang/Class;"), out, out.length);
    }

    /** Executable.sharedToString (JDK 17): modifiers, return type, declaring class, parameters, throws. */
    public String execToString(GuestThread t, Exec e) {
        StringBuilder sb = new StringBuilder();
        int mask = e.isConstructor() ? Modifier.constructorModifiers() : Modifier.methodModifiers();
        int mod = e.modifiers & mask;
        boolean isDefault = isDefault(e);
        if (mod != 0 && !isDefault) {
            sb.append(Modifier.toString(mod)).append(' ');
        } else {
            int access = mod & (PUBLIC | PROTECTED | PRIVATE);
            if (access != 0) {
                sb.append(Modifier.toString(access)).append(' ');
            }
            if (isDefault) {
                sb.append("default ");
            }
            mod &= ~(PUBLIC | PROTECTED | PRIVATE);
            if (mod != 0) {
                sb.append(Modifier.toString(mod)).append(' ');
            }
        }
        if (!e.isConstructor()) {
            sb.append(descTypeName(e.ret())).append(' ');
        }
        sb.append(classTypeName(e.declaring));
        if (!e.isConstructor()) {
            sb.append('.').append(e.name);
        }
        sb.append('(');
        for (int i = 0; i < e.params.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(descTypeName(e.params.get(i)));
        }
        sb.append(')');
        List<String> ex = exceptionTypes(e);
        for (int i = 0; i < ex.size(); i++) {
            sb.append(i == 0 ? " throws " : ",").append(descTypeName(ex.get(i)));
        }
        return sb.toString();
    }

    /** {@code Class.getTypeName()} for a descriptor: {@code int[][]}, {@code java.lang.String}. */
    public static String descTypeName(String desc) {
        int dims = 0;
        while (desc.charAt(dims) == '[') {
            dims++;
        }
        StringBuilder sb = new StringBuilder(Descriptors.toClassName(desc.substring(dims)));
        for (int i = 0; i < dims; i++) {
            sb.append("[]");
        }
        return sb.toString();
    }

    public static String classTypeName(VmClass k) {
        return k.isArray() ? classTypeName(k.component) + "[]" : k.name;
    }

    // ------------------------------------------------------------------ invocation

    /** The {@code InvocationTargetException} a reflective call throws when its target threw {@code cause}. */
    public GuestThrowable invocationTarget(GuestThread t, GuestObject cause) {
        return exceptions.createWithCause(t, "java.lang.reflect.InvocationTargetException", null, cause);
    }

    /**
     * Arguments for the call, boxed by parameter kind from slot {@code first}: HotSpot's checks
     * (count, then each argument: unboxing with widening for primitives, assignability for references).
     */
    public Object[] convertArgs(GuestThread t, Exec e, Object argArray, int first) {
        Object[] given = argArray == null ? new Object[0] : (Object[]) ((GuestArray) argArray).data;
        int n = argArray == null ? 0 : ((GuestArray) argArray).length;
        if (n != e.params.size()) {
            throw iae(t, "wrong number of arguments");
        }
        Object[] out = new Object[first + n];
        for (int i = 0; i < n; i++) {
            String p = e.params.get(i);
            Object v = given[i];
            char k = p.charAt(0);
            if (k != 'L' && k != '[') {
                if (v == null) {
                    throw iae(t, null);
                }
                char from = boxKind(v);
                if (from == 0 || !widens(from, k)) {
                    throw iae(t, "argument type mismatch");
                }
                out[first + i] = convertPrimitive(v, k);
            } else {
                if (v != null && !linker.classOf(v).isSubtypeOf(resolver.classForName(t, p))) {
                    throw iae(t, "argument type mismatch");
                }
                out[first + i] = v;
            }
        }
        return out;
    }

    /** The primitive kind of a box, or 0. */
    public static char boxKind(Object v) {
        if (v instanceof Integer) {
            return 'I';
        }
        if (v instanceof Long) {
            return 'J';
        }
        if (v instanceof Double) {
            return 'D';
        }
        if (v instanceof Float) {
            return 'F';
        }
        if (v instanceof Boolean) {
            return 'Z';
        }
        if (v instanceof Character) {
            return 'C';
        }
        if (v instanceof Byte) {
            return 'B';
        }
        if (v instanceof Short) {
            return 'S';
        }
        return 0;
    }

    /** JLS 5.1.2 widening primitive conversion (or identity) from {@code from} to {@code to}. */
    public static boolean widens(char from, char to) {
        if (from == to) {
            return true;
        }
        switch (to) {
            case 'S':
                return from == 'B';
            case 'I':
                return from == 'B' || from == 'S' || from == 'C';
            case 'J':
                return "BSCI".indexOf(from) >= 0;
            case 'F':
                return "BSCIJ".indexOf(from) >= 0;
            case 'D':
                return "BSCIJF".indexOf(from) >= 0;
            default:
                return false;
        }
    }

    /** A box of kind {@code to} holding {@code v} (already checked to widen). */
    public static Object convertPrimitive(Object v, char to) {
        if (to == 'Z' || to == 'C') {
            return v;
        }
        if (v instanceof Character) {
            v = (int) (Character) v;
        }
        Number n = (Number) v;
        switch (to) {
            case 'B': return n.byteValue();
            case 'S': return n.shortValue();
            case 'I': return n.intValue();
            case 'J': return n.longValue();
            case 'F': return n.floatValue();
            default: return n.doubleValue();
        }
    }

    /** A reflective call's result boxed as the JDK returns it for return kind {@code kind}. */
    public static Object rebox(char kind, Object res) {
        switch (kind) {
            case 'V': return null;
            case 'L': case 'Z': case 'C': return res;
            default: return convertPrimitive(res, kind);
        }
    }

    // ------------------------------------------------------------------ member lookup

    /** A mirror record for a declared guest method or constructor. */
    public Exec guestExec(VmMethod m) {
        int mods = (m.access & METHOD_MODIFIERS) | ((m.access & 0x20000) != 0 ? Modifier.SYNCHRONIZED : 0);
        return new Exec(m.owner, m.name, m.desc, mods, m, null);
    }

    /** A mirror record for a library member, described by the host JDK. */
    private Exec hostExec(java.lang.reflect.Executable h) {
        VmClass declaring = classOfHost(h.getDeclaringClass());
        if (h instanceof java.lang.reflect.Method) {
            java.lang.reflect.Method m = (java.lang.reflect.Method) h;
            return new Exec(declaring, m.getName(), Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType()),
                    m.getModifiers(), null, h);
        }
        return new Exec(declaring, "<init>", Descriptors.methodDescriptor(h.getParameterTypes(), void.class), h.getModifiers(), null, h);
    }

    /** The VM class standing for a host class (a guest-library class where one replaces it). */
    public VmClass classOfHost(Class<?> h) {
        VmClass c = linker.classForDescriptor(Descriptors.of(h));
        return c != null ? c : linker.hostClassOf(h);
    }

    /** A generic declaration of the host JDK as a guest value: the Class, or a Method/Constructor mirror. */
    Object fromHostDeclaration(java.lang.reflect.GenericDeclaration d) {
        if (d instanceof Class<?>) {
            return classOfHost((Class<?>) d);
        }
        return mirror(hostExec((java.lang.reflect.Executable) d));
    }

    /** A library class: its members are the JDK's (host and model classes). */
    public static boolean isLibrary(VmClass k) {
        return k.kind == VmClass.Kind.HOST || k.kind == VmClass.Kind.MODEL;
    }

    /** The declared methods (or constructors) of a guest class, in dex order; none for other kinds. */
    public List<Exec> declaredExecs(VmClass k, boolean constructors) {
        List<Exec> out = new ArrayList<>();
        if (k.kind != VmClass.Kind.GUEST) {
            return out;
        }
        for (VmMethod m : k.methods.values()) {
            if (m.name.equals("<init>") == constructors && !m.name.equals("<clinit>")) {
                out.add(guestExec(m));
            }
        }
        return out;
    }

    /** Class.getMethods (JDK 17 PublicMethods): declared public, then the superclass's, then superinterfaces' non-static. */
    public List<Exec> publicMethods(VmClass k) {
        List<Exec> cached = publicMethods.get(k);
        if (cached != null) {
            return cached;
        }
        List<Exec> out = new ArrayList<>();
        if (isLibrary(k)) {
            for (java.lang.reflect.Method m : k.host.getMethods()) {
                out.add(hostExec(m));
            }
        } else if (k.isArray()) {
            out.addAll(publicMethods(linker.objectClass()));
        } else if (k.kind == VmClass.Kind.GUEST) {
            Map<String, List<Exec>> merged = new LinkedHashMap<>();
            for (Exec e : declaredExecs(k, false)) {
                if ((e.modifiers & PUBLIC) != 0) {
                    merge(merged, e);
                }
            }
            if (!k.isInterface() && k.superclass != null) {
                for (Exec e : publicMethods(k.superclass)) {
                    merge(merged, e);
                }
            }
            for (VmClass i : k.interfaces) {
                for (Exec e : publicMethods(i)) {
                    if ((e.modifiers & STATIC) == 0) {
                        merge(merged, e);
                    }
                }
            }
            for (List<Exec> l : merged.values()) {
                out.addAll(l);
            }
        }
        List<Exec> result = List.copyOf(out);
        publicMethods.put(k, result);
        return result;
    }

    /** PublicMethods.MethodList.merge: keep the most specific declaration per signature and return type. */
    private static void merge(Map<String, List<Exec>> merged, Exec m) {
        List<Exec> l = merged.computeIfAbsent(m.paramKey(), x -> new ArrayList<>());
        VmClass d = m.declaring;
        for (Iterator<Exec> it = l.iterator(); it.hasNext();) {
            Exec x = it.next();
            if (!m.ret().equals(x.ret())) {
                continue;
            }
            VmClass xd = x.declaring;
            if (d.isInterface() == xd.isInterface()) {
                if (xd.isSubtypeOf(d)) {
                    return; // the existing method is the same or overrides the new one
                }
                if (d.isSubtypeOf(xd)) {
                    it.remove();
                }
            } else if (d.isInterface()) {
                return; // a class method beats an interface method
            } else {
                it.remove();
            }
        }
        l.add(m);
    }

    /** Among matches, the one with the most specific return type (searchMethods / getMostSpecific). */
    private Exec mostSpecific(List<Exec> matches) {
        Exec best = null;
        VmClass bestRet = null;
        for (Exec e : matches) {
            VmClass r = safeClass(e.ret());
            if (best == null || (r != bestRet && r != null && bestRet != null && r.isSubtypeOf(bestRet))) {
                best = e;
                bestRet = r;
            }
        }
        return best;
    }

    private VmClass safeClass(String desc) {
        try {
            return linker.classForDescriptor(desc);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The descriptor "(...)" of a Class[] argument, or null if it holds a null (nothing matches). */
    private static String paramsDesc(Object classes) {
        StringBuilder sb = new StringBuilder("(");
        if (classes != null) {
            GuestArray ga = (GuestArray) classes;
            for (int i = 0; i < ga.length; i++) {
                Object c = ((Object[]) ga.data)[i];
                if (c == null) {
                    return null;
                }
                sb.append(((VmClass) c).descriptor);
            }
        }
        return sb.append(')').toString();
    }

    /** NoSuchMethodException's message: Class.methodToString. */
    private static String methodToString(VmClass k, String name, Object classes) {
        StringBuilder sb = new StringBuilder(k.name).append('.').append(name).append('(');
        if (classes != null) {
            GuestArray ga = (GuestArray) classes;
            for (int i = 0; i < ga.length; i++) {
                Object c = ((Object[]) ga.data)[i];
                sb.append(i == 0 ? "" : ",").append(c == null ? "null" : ((VmClass) c).name);
            }
        }
        return sb.append(')').toString();
    }

    private GuestThrowable noSuchMethod(GuestThread t, VmClass k, String name, Object classes) {
        return exceptions.create(t, "java.lang.NoSuchMethodException", methodToString(k, name, classes));
    }

    /** {@code Class.getMethod}/{@code getDeclaredMethod}: a fresh mirror, or the guest's NoSuchMethodException. */
    public Object getMethod(GuestThread t, VmClass k, String name, Object classes, boolean declared) {
        if (name == null) {
            throw exceptions.npe(t, null);
        }
        String pd = paramsDesc(classes);
        List<Exec> matches = new ArrayList<>();
        if (pd != null) {
            String key = name + pd;
            if (!declared) {
                for (Exec e : publicMethods(k)) {
                    if (e.paramKey().equals(key)) {
                        matches.add(e);
                    }
                }
            } else if (isLibrary(k)) {
                for (java.lang.reflect.Method m : k.host.getDeclaredMethods()) {
                    Exec e = hostExec(m);
                    if (e.paramKey().equals(key)) {
                        matches.add(e);
                    }
                }
            } else {
                for (Exec e : declaredExecs(k, false)) {
                    if (e.paramKey().equals(key)) {
                        matches.add(e);
                    }
                }
            }
        }
        Exec found = mostSpecific(matches);
        if (found == null) {
            throw noSuchMethod(t, k, name, classes);
        }
        if (found.host != null && (found.modifiers & PUBLIC) == 0) {
            throw VmError.unsupported("reflection on non-public method " + k.name + "." + found.name + found.desc + " of a library class");
        }
        return mirror(found);
    }

    public List<Exec> constructors(VmClass k, boolean publicOnly) {
        List<Exec> out = new ArrayList<>();
        if (isLibrary(k)) {
            for (java.lang.reflect.Constructor<?> c : publicOnly ? k.host.getConstructors() : k.host.getDeclaredConstructors()) {
                Exec e = hostExec(c);
                if (!publicOnly && (e.modifiers & PUBLIC) == 0) {
                    throw VmError.unsupported("reflection on non-public constructors of library class " + k.name);
                }
                out.add(e);
            }
            return out;
        }
        for (Exec e : declaredExecs(k, true)) {
            if (!publicOnly || (e.modifiers & PUBLIC) != 0) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@code Class.getConstructor}/{@code getDeclaredConstructor}: a fresh mirror, or the guest's NoSuchMethodException. */
    public Object getConstructor(GuestThread t, VmClass k, Object classes, boolean declared) {
        String pd = paramsDesc(classes);
        if (pd != null) {
            if (isLibrary(k)) {
                for (java.lang.reflect.Constructor<?> c : declared ? k.host.getDeclaredConstructors() : k.host.getConstructors()) {
                    Exec e = hostExec(c);
                    if (e.paramKey().equals("<init>" + pd)) {
                        if ((e.modifiers & PUBLIC) == 0) {
                            throw VmError.unsupported("reflection on non-public constructor " + k.name + ".<init>" + e.desc
                                    + " of a library class");
                        }
                        return mirror(e);
                    }
                }
            } else {
                for (Exec e : constructors(k, !declared)) {
                    if (e.paramKey().equals("<init>" + pd)) {
                        return mirror(e);
                    }
                }
            }
        }
        throw noSuchMethod(t, k, "<init>", classes);
    }

    /** Fresh mirrors of {@code execs} in a guest array of type {@code arrayDesc}. */
    public GuestArray mirrors(List<Exec> execs, String arrayDesc) {
        Object[] out = new Object[execs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mirror(execs.get(i));
        }
        return new GuestArray(cls(arrayDesc), out, out.length);
    }

    // ------------------------------------------------------------------ Class queries

    /** {@code Class.getEnclosingMethod}/{@code getEnclosingConstructor}. */
    public Object enclosingExec(GuestThread t, VmClass k, boolean constructor) {
        ReflectionMetadata m = meta(k);
        if (m == null || m.enclosingMethod == null) {
            if (k.kind != VmClass.Kind.GUEST && k.host != null) {
                java.lang.reflect.Executable h = constructor ? k.host.getEnclosingConstructor() : k.host.getEnclosingMethod();
                return h == null ? null : mirror(hostExec(h));
            }
            return null;
        }
        MethodReference r = m.enclosingMethod;
        if (r.getName().equals("<init>") != constructor || r.getName().equals("<clinit>")) {
            return null;
        }
        VmClass owner = resolver.classForName(t, r.getDefiningClass());
        VmMethod vmm = owner.methods.get(r.getName() + ReflectionMetadata.desc(r.getParameterTypes(), r.getReturnType()));
        if (vmm == null) {
            throw exceptions.create(t, "java.lang.InternalError", "Enclosing method not found");
        }
        return mirror(guestExec(vmm));
    }

    /** Metadata of a guest class from its dex definition; null for other kinds. */
    ReflectionMetadata meta(VmClass k) {
        if (k.kind != VmClass.Kind.GUEST || !(k.definition instanceof ClassDef)) {
            return null;
        }
        ReflectionMetadata m = metadata.get(k);
        if (m == null) {
            m = ReflectionMetadata.read((ClassDef) k.definition,
                    k.replacesHost == null ? world.launchProperty("java.class.path") : null);
            metadata.put(k, m);
        }
        return m;
    }

    public boolean isLocalOrAnonymous(VmClass k) {
        ReflectionMetadata m = meta(k);
        if (m == null) {
            return k.kind != VmClass.Kind.GUEST && !k.isArray() && k.host != null
                    && (k.host.isLocalClass() || k.host.isAnonymousClass());
        }
        return m.enclosingMethod != null || (m.inner && m.innerName == null);
    }

    public boolean isAnonymous(VmClass k) {
        ReflectionMetadata m = meta(k);
        if (m == null) {
            return k.kind != VmClass.Kind.GUEST && !k.isArray() && k.host != null && k.host.isAnonymousClass();
        }
        return isLocalOrAnonymous(k) && m.inner && m.innerName == null;
    }

    /** Class.getDeclaringClass: the class a member class is declared in (null for local and anonymous classes). */
    public VmClass declaringClass(VmClass k) {
        ReflectionMetadata m = meta(k);
        if (m == null) {
            if (k.kind != VmClass.Kind.GUEST && !k.isArray() && k.host != null && k.host.getDeclaringClass() != null) {
                return classOfHost(k.host.getDeclaringClass());
            }
            return null;
        }
        if (isLocalOrAnonymous(k) || m.enclosingClass == null) {
            return null;
        }
        return linker.classForDescriptor(m.enclosingClass);
    }

    /** Class.getEnclosingClass. */
    public VmClass enclosingClass(VmClass k) {
        ReflectionMetadata m = meta(k);
        if (m == null) {
            if (k.kind != VmClass.Kind.GUEST && !k.isArray() && k.host != null && k.host.getEnclosingClass() != null) {
                return classOfHost(k.host.getEnclosingClass());
            }
            return null;
        }
        if (m.enclosingMethod != null) {
            return linker.classForDescriptor(m.enclosingMethod.getDefiningClass());
        }
        return m.enclosingClass == null ? null : linker.classForDescriptor(m.enclosingClass);
    }

    /** Class.getModifiers: the inner-class flags for nested classes, without ACC_SUPER (HotSpot). */
    public int classModifiers(VmClass k) {
        if (k.isArray()) {
            return (classModifiers(k.component) & (PUBLIC | PRIVATE | PROTECTED)) | ABSTRACT | Modifier.FINAL;
        }
        if (k.isPrimitive()) {
            return PUBLIC | ABSTRACT | Modifier.FINAL;
        }
        ReflectionMetadata m = meta(k);
        if (m == null) {
            return k.host != null ? k.host.getModifiers() : k.access & 0x7fdf;
        }
        return (m.inner ? m.innerFlags : k.access) & 0x7fdf;
    }

    public String simpleName(VmClass k) {
        if (k.isArray()) {
            return simpleName(k.component) + "[]";
        }
        ReflectionMetadata m = meta(k);
        if (m == null) {
            return k.host != null ? k.host.getSimpleName() : k.simpleName();
        }
        if (m.inner) {
            return m.innerName == null ? "" : m.innerName;
        }
        return k.name.substring(k.name.lastIndexOf('.') + 1);
    }

    public String canonicalName(VmClass k) {
        if (k.isArray()) {
            String c = canonicalName(k.component);
            return c == null ? null : c + "[]";
        }
        if (meta(k) == null) {
            return k.host != null ? k.host.getCanonicalName() : k.name;
        }
        if (isLocalOrAnonymous(k)) {
            return null;
        }
        VmClass e = enclosingClass(k);
        if (e == null) {
            return k.name;
        }
        String en = canonicalName(e);
        return en == null ? null : en + "." + simpleName(k);
    }

    // ------------------------------------------------------------------ fields

    /** Declared fields in declaration order (see {@link ReflectionMetadata#fieldOrder}). */
    public List<VmField> declaredFields(VmClass k) {
        ReflectionMetadata m = meta(k);
        List<VmField> out = new ArrayList<>();
        if (m == null) {
            // A library class's fields are the JDK's; a model class only represents some of them.
            if (isLibrary(k) && k.host.getDeclaredFields().length > 0) {
                throw VmError.unsupported("java.lang.Class.getDeclaredFields()[Ljava/lang/reflect/Field; on library class " + k.name);
            }
            return out;
        }
        for (String nt : m.fieldOrder) {
            VmField f = k.fields.get(nt.substring(0, nt.indexOf(':')));
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Fresh {@code Field} mirrors of {@code fs} in a guest {@code Field[]}. */
    public GuestArray fieldArray(List<VmField> fs) {
        Object[] out = new Object[fs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fieldMirror(fs.get(i));
        }
        return new GuestArray(cls("[Ljava/lang/reflect/Field;"), out, out.length);
    }

    /** Class.getFields order: declared public fields, superinterfaces', then the superclass's. */
    public void publicFields(VmClass k, List<VmField> out) {
        if (isLibrary(k)) {
            if (k.host.getFields().length > 0) {
                throw VmError.unsupported("reflection on fields of library class " + k.name);
            }
            return;
        }
        if (k.isArray() || k.isPrimitive()) {
            return;
        }
        for (VmField f : declaredFields(k)) {
            if ((f.access & PUBLIC) != 0 && !out.contains(f)) {
                out.add(f);
            }
        }
        for (VmClass i : k.interfaces) {
            publicFields(i, out);
        }
        if (!k.isInterface() && k.superclass != null) {
            publicFields(k.superclass, out);
        }
    }

    /** Class.getField's search: declared public field, then superinterfaces, then the superclass. */
    public VmField publicField(VmClass k, String name) {
        if (isLibrary(k)) {
            try {
                k.host.getField(name);
            } catch (NoSuchFieldException e) {
                return null;
            }
            throw VmError.unsupported("reflection on field " + name + " of library class " + k.name);
        }
        VmField f = k.fields.get(name);
        if (f != null && (f.access & PUBLIC) != 0) {
            return f;
        }
        for (VmClass i : k.interfaces) {
            VmField g = publicField(i, name);
            if (g != null) {
                return g;
            }
        }
        return k.isInterface() || k.superclass == null ? null : publicField(k.superclass, name);
    }

    /** Field.toString (JDK 17). */
    public static String fieldToString(VmField f) {
        int mod = f.access & FIELD_MODIFIERS;
        return (mod == 0 ? "" : Modifier.toString(mod) + " ") + descTypeName(f.type) + " " + classTypeName(f.owner) + "." + f.name;
    }

    /** {@code Field.getGenericType()}. */
    public Object fieldGenericType(GuestThread t, VmField f) {
        ReflectionMetadata m = meta(f.owner);
        ReflectionMetadata.Member mm = m == null ? null : m.members.get("F" + f.name);
        if (mm == null || mm.signature() == null) {
            return resolver.classForName(t, f.type);
        }
        return types.reify(t, parse(() -> GenericSignatures.parseField(mm.signature())), classScope(f.owner));
    }

    // ------------------------------------------------------------------ generic members

    /** {@code Executable.getTypeParameters()}, unwrapped. */
    public Object[] typeParameters(GuestObject mirror) {
        Exec e = execOf(mirror);
        if (e.host != null) {
            return types.fromHostAll(e.host.getTypeParameters());
        }
        MethodSignature s = methodSignature(e);
        return s == null ? new Object[0] : types.formals(s.formals(), mirror, methodScope(e, mirror));
    }

    /** {@code Executable.getGenericParameterTypes()}, unwrapped. */
    public Object[] genericParameterTypes(GuestThread t, GuestObject mirror) {
        Exec e = execOf(mirror);
        if (e.host != null) {
            return types.fromHostAll(e.host.getGenericParameterTypes());
        }
        MethodSignature s = methodSignature(e);
        if (s == null) {
            return ((Object[]) classArray(t, e.params).data).clone();
        }
        return types.reifyAll(t, s.params(), methodScope(e, mirror));
    }

    /** {@code Executable.getGenericExceptionTypes()}, unwrapped. */
    public Object[] genericExceptionTypes(GuestThread t, GuestObject mirror) {
        Exec e = execOf(mirror);
        if (e.host != null) {
            return types.fromHostAll(e.host.getGenericExceptionTypes());
        }
        MethodSignature s = methodSignature(e);
        if (s == null || s.exceptions().isEmpty()) {
            return ((Object[]) classArray(t, exceptionTypes(e)).data).clone();
        }
        return types.reifyAll(t, s.exceptions(), methodScope(e, mirror));
    }

    /** {@code Method.getGenericReturnType()}. */
    public Object genericReturnType(GuestThread t, GuestObject mirror) {
        Exec e = execOf(mirror);
        if (e.host != null) {
            return types.fromHost(((java.lang.reflect.Method) e.host).getGenericReturnType());
        }
        MethodSignature s = methodSignature(e);
        return s == null ? resolver.classForName(t, e.ret()) : types.reify(t, s.ret(), methodScope(e, mirror));
    }

    // ------------------------------------------------------------------ records

    /**
     * What a {@code RecordComponent} stands for: its record and what the class file's
     * {@code Record} attribute says about it (dex keeps none).
     */
    public record RecordComponent(VmClass record, String name, String descriptor, String signature, boolean annotated) {
    }

    /** The component a {@code RecordComponent} object stands for. */
    public static RecordComponent componentOf(Object g) {
        return (RecordComponent) ((GuestObject) g).vmData;
    }

    /**
     * {@code Class.getRecordComponents()}: null for a class that is not a record, as in the JDK.
     * Dex keeps no Record attribute (D8 desugars records), so the components come from the class
     * file on the guest class path; without it the call stops as unsupported rather than guess
     * an order from dex, which sorts fields by name.
     */
    public Object recordComponents(VmClass k) {
        if (!isRecord(k)) {
            return null;
        }
        ReflectionMetadata m = meta(k);
        if (m == null || m.recordComponents == null) {
            throw VmError.unsupported("java.lang.Class.getRecordComponents()[Ljava/lang/reflect/RecordComponent; of "
                    + k.name + " (record components need the record's class file on the guest class path: run the"
                    + " jar or class directory, not only its dex)");
        }
        Object[] out = new Object[m.recordComponents.size()];
        for (int i = 0; i < out.length; i++) {
            ReflectionMetadata.RecordComponentInfo info = m.recordComponents.get(i);
            GuestObject g = new GuestObject(cls("Ljava/lang/reflect/RecordComponent;"));
            g.vmData = new RecordComponent(k, info.name(), info.descriptor(), info.signature(), info.annotated());
            out[i] = g;
        }
        return new GuestArray(cls("[Ljava/lang/reflect/RecordComponent;"), out, out.length);
    }

    /** {@code RecordComponent.getGenericType()}. */
    public Object genericType(GuestThread t, RecordComponent rc) {
        if (rc.signature() == null) {
            return resolver.classForName(t, rc.descriptor());
        }
        return types.reify(t, parse(() -> GenericSignatures.parseField(rc.signature())), classScope(rc.record()));
    }

    // ------------------------------------------------------------------ generic supertypes

    private static <T> T parse(java.util.function.Supplier<T> p) {
        try {
            return p.get();
        } catch (GenericSignatures.FormatError e) {
            throw new VmError("malformed generic signature: " + e.getMessage());
        }
    }

    private ClassSignature classSignature(VmClass k) {
        ReflectionMetadata m = meta(k);
        return m == null || m.signature == null ? null : parse(() -> GenericSignatures.parseClass(m.signature));
    }

    private MethodSignature methodSignature(Exec e) {
        ReflectionMetadata m = meta(e.declaring);
        ReflectionMetadata.Member mm = m == null ? null : m.members.get(e.name + e.desc);
        return mm == null || mm.signature() == null ? null : parse(() -> GenericSignatures.parseMethod(mm.signature()));
    }

    /** Type variables visible in class {@code k}: its own, then its enclosing method's or class's (ClassScope). */
    private GuestTypes.Scope classScope(VmClass k) {
        ClassSignature s = classSignature(k);
        return types.scope(s == null ? List.of() : s.formals(), k, () -> enclosingScope(k));
    }

    private GuestTypes.Scope enclosingScope(VmClass k) {
        ReflectionMetadata m = meta(k);
        if (m != null && m.enclosingMethod != null && !m.enclosingMethod.getName().equals("<clinit>")) {
            MethodReference r = m.enclosingMethod;
            VmClass owner = linker.classForDescriptor(r.getDefiningClass());
            VmMethod vmm = owner == null ? null : owner.methods.get(r.getName() + ReflectionMetadata.desc(r.getParameterTypes(), r.getReturnType()));
            if (vmm != null) {
                Exec e = guestExec(vmm);
                return methodScope(e, mirror(e));
            }
        }
        VmClass enc = enclosingClass(k);
        return enc == null ? null : classScope(enc);
    }

    private GuestTypes.Scope methodScope(Exec e, GuestObject mirror) {
        MethodSignature s = methodSignature(e);
        return types.scope(s == null ? List.of() : s.formals(), mirror, () -> classScope(e.declaring));
    }

    /** {@code Class.getGenericSuperclass()}. */
    public Object genericSuperclass(GuestThread t, VmClass k) {
        VmClass sup = k.isInterface() || k.isPrimitive() ? null : k.superclass;
        if (k.kind == VmClass.Kind.GUEST) {
            ClassSignature s = classSignature(k);
            if (s == null) {
                return sup;
            }
            return k.isInterface() ? null : types.reify(t, s.superclass(), classScope(k));
        }
        if (sup == null || !isLibrary(k)) {
            return sup;
        }
        java.lang.reflect.Type g = k.host.getGenericSuperclass();
        return g != null && classOfHost(GuestTypes.rawOf(g)) == sup ? types.fromHost(g) : sup;
    }

    /** {@code Class.getGenericInterfaces()}, unwrapped. */
    public Object[] genericInterfaces(GuestThread t, VmClass k) {
        if (k.isPrimitive()) {
            return new Object[0];
        }
        if (k.kind == VmClass.Kind.GUEST) {
            ClassSignature s = classSignature(k);
            if (s == null) {
                return java.util.Arrays.copyOf(k.interfaces, k.interfaces.length, Object[].class);
            }
            return types.reifyAll(t, s.interfaces(), classScope(k));
        }
        Object[] out = java.util.Arrays.copyOf(k.interfaces, k.interfaces.length, Object[].class);
        if (isLibrary(k)) {
            // The VM's interface list is authoritative (getInterfaces answers from it); the host's
            // generic form is used where it names the same interface.
            for (java.lang.reflect.Type g : k.host.getGenericInterfaces()) {
                Class<?> raw = GuestTypes.rawOf(g);
                for (int i = 0; i < out.length; i++) {
                    if (out[i] == k.interfaces[i] && raw != null && classOfHost(raw) == k.interfaces[i]) {
                        out[i] = types.fromHost(g);
                    }
                }
            }
        }
        return out;
    }

    /** {@code Class.getTypeParameters()}, unwrapped. */
    public Object[] typeParameters(VmClass k) {
        if (k.kind == VmClass.Kind.GUEST) {
            ClassSignature s = classSignature(k);
            return s == null ? new Object[0] : types.formals(s.formals(), k, classScope(k));
        }
        if (isLibrary(k)) {
            return types.fromHostAll(k.host.getTypeParameters());
        }
        return new Object[0];
    }


}
