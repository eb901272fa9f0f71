package org.cometsim.dalvik.reflect;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.jf.dexlib2.ValueType;
import org.jf.dexlib2.iface.AnnotationElement;
import org.jf.dexlib2.iface.BasicAnnotation;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.value.AnnotationEncodedValue;
import org.jf.dexlib2.iface.value.ArrayEncodedValue;
import org.jf.dexlib2.iface.value.BooleanEncodedValue;
import org.jf.dexlib2.iface.value.ByteEncodedValue;
import org.jf.dexlib2.iface.value.CharEncodedValue;
import org.jf.dexlib2.iface.value.DoubleEncodedValue;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.iface.value.EnumEncodedValue;
import org.jf.dexlib2.iface.value.FloatEncodedValue;
import org.jf.dexlib2.iface.value.IntEncodedValue;
import org.jf.dexlib2.iface.value.LongEncodedValue;
import org.jf.dexlib2.iface.value.ShortEncodedValue;
import org.jf.dexlib2.iface.value.StringEncodedValue;
import org.jf.dexlib2.iface.value.TypeEncodedValue;

/**
 * Instances of runtime-visible annotations on guest classes and members, as the JDK 17's
 * {@code AnnotationInvocationHandler} proxies behave: one immutable guest object per annotation
 * occurrence (so repeated {@code getAnnotation} calls return the same instance), of a per-type
 * proxy class implementing the annotation interface; element methods return the value (arrays
 * cloned per call), defaults from {@code dalvik.annotation.AnnotationDefault} (guest annotation
 * types) or the JDK (library annotation types); {@code toString}, {@code hashCode},
 * {@code equals} and {@code annotationType} are the JDK's.
 *
 * <p>Member order (seen in {@code toString}): the JDK starts from the defaults (a {@code HashMap}'s
 * iteration order, reproduced with one) and appends explicit values in class-file order, which
 * the dex format does not keep (it sorts elements by name); so {@code toString} stops as
 * unsupported rather than guess when two or more explicit elements have no default, or when two
 * defaults share a hash bucket (their order is then HotSpot's unspecified method order).
 */
final class GuestAnnotations {
    /** The data of one annotation instance (its {@code vmData}). */
    static final class Data {
        final VmClass type;
        /** Element name to guest value, in the JDK's memberValues order. */
        final Map<String, Object> values;
        /** Element name to return descriptor. */
        final Map<String, String> elements;
        final boolean orderKnown;

        Data(VmClass type, Map<String, Object> values, Map<String, String> elements, boolean orderKnown) {
            this.type = type;
            this.values = values;
            this.elements = elements;
            this.orderKnown = orderKnown;
        }
    }

    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final ClassInitializer initializer;
    private final Heap heap;
    private final GuestExceptions exceptions;
    private final GuestCalls calls;
    private final GuestReflection refl;
    private final GuestTypes types;
    /** Keyed by the (immutable, cached) dex annotation: one instance per occurrence. */
    private final Map<Object, GuestObject> instances = new IdentityHashMap<>();
    private final Map<VmClass, VmClass> proxyClasses = new IdentityHashMap<>();
    private int proxyCount;

    GuestAnnotations(ClassLinker linker, MemberResolver resolver, ClassInitializer initializer, Heap heap,
                     GuestExceptions exceptions, GuestCalls calls, GuestReflection refl, GuestTypes types) {
        this.linker = linker;
        this.resolver = resolver;
        this.initializer = initializer;
        this.heap = heap;
        this.exceptions = exceptions;
        this.calls = calls;
        this.refl = refl;
        this.types = types;
    }

    private static void nat(VmClass c, String name, String desc, NativeImpl impl) {
        VmMethod m = new VmMethod(c, name, desc, 0x0001 | 0x0100);
        m.nativeImpl = impl;
        c.methods.put(m.key(), m);
    }

    /** The guest instance of a dex annotation of type {@code descriptor}. */
    GuestObject instance(GuestThread t, String descriptor, BasicAnnotation a) {
        GuestObject g = instances.get(a);
        if (g != null) {
            return g;
        }
        VmClass type = resolver.classForName(t, descriptor);
        Map<String, String> elements = elements(type);
        Map<String, Object> defaults = new HashMap<>(0); // the JDK's AnnotationType.memberDefaults
        for (Map.Entry<String, String> e : elements.entrySet()) {
            Object d = defaultValue(t, type, e.getKey(), e.getValue());
            if (d != null) {
                defaults.put(e.getKey(), d);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(defaults);
        int appended = 0;
        for (AnnotationElement e : a.getElements()) {
            String rd = elements.get(e.getName());
            if (rd == null) {
                continue; // an element the type no longer declares: ignored, as the JDK does
            }
            if (!values.containsKey(e.getName())) {
                appended++;
            }
            values.put(e.getName(), convert(t, e.getValue(), rd));
        }
        g = new GuestObject(proxyClass(type, elements));
        boolean orderKnown = appended <= 1 && !bucketsShared(defaults.keySet());
        g.vmData = new Data(type, java.util.Collections.unmodifiableMap(values), elements, orderKnown);
        instances.put(a, g);
        return g;
    }

    /**
     * True if two keys share a bucket of a {@code HashMap(0)} grown to hold them all: their order
     * then follows insertion order, i.e. HotSpot's unspecified {@code getDeclaredMethods} order.
     */
    private static boolean bucketsShared(java.util.Set<String> keys) {
        if (keys.size() < 2) {
            return false;
        }
        int cap = 2;
        while ((int) (cap * 0.75f) < keys.size()) {
            cap <<= 1;
        }
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (String k : keys) {
            int h = k.hashCode();
            if (!used.add((h ^ (h >>> 16)) & (cap - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Element methods of an annotation type: name to return descriptor. */
    private Map<String, String> elements(VmClass type) {
        Map<String, String> out = new LinkedHashMap<>();
        if (type.kind == VmClass.Kind.GUEST) {
            for (VmMethod m : type.methods.values()) {
                if (!m.isStatic && m.params.length == 0 && (m.access & Modifier.ABSTRACT) != 0) {
                    out.put(m.name, Descriptors.returnType(m.desc));
                }
            }
        } else if (type.host != null) {
            for (java.lang.reflect.Method m : type.host.getDeclaredMethods()) {
                if (Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0 && !m.isSynthetic()) {
                    out.put(m.getName(), Descriptors.of(m.getReturnType()));
                }
            }
        }
        return out;
    }

    private Object defaultValue(GuestThread t, VmClass type, String name, String rd) {
        if (type.kind == VmClass.Kind.GUEST) {
            ReflectionMetadata m = refl.meta(type);
            EncodedValue v = m == null ? null : m.annotationDefaults.get(name);
            return v == null ? null : convert(t, v, rd);
        }
        try {
            Object d = type.host.getMethod(name).getDefaultValue();
            return d == null ? null : fromHost(t, d, rd);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A dex element value as the guest value for an element returning {@code rd}. */
    private Object convert(GuestThread t, EncodedValue v, String rd) {
        switch (v.getValueType()) {
            case ValueType.BYTE: return ((ByteEncodedValue) v).getValue();
            case ValueType.SHORT: return ((ShortEncodedValue) v).getValue();
            case ValueType.CHAR: return ((CharEncodedValue) v).getValue();
            case ValueType.INT: return ((IntEncodedValue) v).getValue();
            case ValueType.LONG: return ((LongEncodedValue) v).getValue();
            case ValueType.FLOAT: return ((FloatEncodedValue) v).getValue();
            case ValueType.DOUBLE: return ((DoubleEncodedValue) v).getValue();
            case ValueType.BOOLEAN: return ((BooleanEncodedValue) v).getValue();
            case ValueType.STRING: return ((StringEncodedValue) v).getValue();
            case ValueType.TYPE: return resolver.classForName(t, ((TypeEncodedValue) v).getValue());
            case ValueType.ENUM: return enumConstant(t, ((EnumEncodedValue) v).getValue());
            case ValueType.ANNOTATION: {
                AnnotationEncodedValue a = (AnnotationEncodedValue) v;
                return instance(t, a.getType(), a);
            }
            case ValueType.ARRAY: {
                java.util.List<? extends EncodedValue> items = ((ArrayEncodedValue) v).getValue();
                GuestArray arr = heap.newArray(t, resolver.classForName(t, rd), items.size());
                for (int i = 0; i < items.size(); i++) {
                    store(arr, i, convert(t, items.get(i), rd.substring(1)));
                }
                return arr;
            }
            default:
                throw VmError.unsupported("annotation element value of type " + ValueType.getValueTypeName(v.getValueType()));
        }
    }

    private static void store(GuestArray arr, int i, Object v) {
        if (arr.data instanceof Object[]) {
            ((Object[]) arr.data)[i] = v;
        } else {
            java.lang.reflect.Array.set(arr.data, i, v);
        }
    }

    private Object enumConstant(GuestThread t, FieldReference f) {
        VmClass k = resolver.classForName(t, f.getDefiningClass());
        if (k.kind == VmClass.Kind.HOST) {
            try {
                return k.host.getField(f.getName()).get(null); // a JDK enum (ElementType ...): the host constant
            } catch (ReflectiveOperationException e) {
                throw exceptions.create(t, "java.lang.EnumConstantNotPresentException", k.name + "." + f.getName());
            }
        }
        initializer.initializeNow(t, k);
        VmField field = k.fields.get(f.getName());
        if (field == null || !field.isStatic) {
            throw exceptions.create(t, "java.lang.EnumConstantNotPresentException", k.name + "." + f.getName());
        }
        return k.staticR[field.slot];
    }

    /** A JDK default value (of a library annotation type) as a guest value. */
    private Object fromHost(GuestThread t, Object h, String rd) {
        if (h instanceof Class<?>) {
            return refl.classOfHost((Class<?>) h);
        }
        if (h.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(h);
            GuestArray arr = heap.newArray(t, resolver.classForName(t, rd), n);
            for (int i = 0; i < n; i++) {
                store(arr, i, fromHost(t, java.lang.reflect.Array.get(h, i), rd.substring(1)));
            }
            return arr;
        }
        if (h instanceof java.lang.annotation.Annotation) {
            throw VmError.unsupported("annotation-valued default of library annotation type element (" + rd + ")");
        }
        return h; // strings, boxes and JDK enum constants are host values the guest uses as they are
    }

    // ------------------------------------------------------------------ the proxy class

    private VmClass proxyClass(VmClass type, Map<String, String> elements) {
        VmClass c = proxyClasses.get(type);
        if (c != null) {
            return c;
        }
        // Named like the JDK's dynamic-module proxies; the number is this VM's own count.
        int n = ++proxyCount;
        c = new VmClass(VmClass.Kind.MODEL, "jdk.proxy1.$Proxy" + n, "Ljdk/proxy1/$Proxy" + n + ";");
        c.superclass = linker.objectClass();
        c.interfaces = new VmClass[] {type};
        c.access = Modifier.PUBLIC | Modifier.FINAL;
        c.initState = VmClass.INIT_DONE;
        for (Map.Entry<String, String> e : elements.entrySet()) {
            String name = e.getKey();
            nat(c, name, "()" + e.getValue(), (in, t, a) -> member(t, (GuestObject) a[0], name));
        }
        nat(c, "annotationType", "()Ljava/lang/Class;", (in, t, a) -> data(a[0]).type);
        nat(c, "toString", "()Ljava/lang/String;", (in, t, a) -> toString(t, (GuestObject) a[0]));
        nat(c, "hashCode", "()I", (in, t, a) -> hash(t, data(a[0])));
        nat(c, "equals", "(Ljava/lang/Object;)Z", (in, t, a) -> annotationEquals(t, (GuestObject) a[0], a[1]));
        proxyClasses.put(type, c);
        return c;
    }

    private static Data data(Object o) {
        return (Data) ((GuestObject) o).vmData;
    }

    private Object member(GuestThread t, GuestObject self, String name) {
        Data d = data(self);
        Object v = d.values.get(name);
        if (v == null) {
            throw exceptions.create(t, "java.lang.annotation.IncompleteAnnotationException", d.type.name + " missing element " + name);
        }
        if (v instanceof GuestArray) {
            GuestArray a = (GuestArray) v;
            Object copy = java.lang.reflect.Array.newInstance(a.data.getClass().getComponentType(), a.length);
            System.arraycopy(a.data, 0, copy, 0, a.length);
            return new GuestArray(a.type, copy, a.length);
        }
        return v;
    }

    // ------------------------------------------------------------------ toString, hashCode, equals

    /** AnnotationInvocationHandler.toStringImpl (JDK 17: binary type name, lone "value" unnamed). */
    private String toString(GuestThread t, GuestObject self) {
        Data d = data(self);
        if (!d.orderKnown) {
            throw VmError.unsupported("java.lang.annotation.Annotation.toString()Ljava/lang/String; of @" + d.type.name
                    + ": its member order is not determined (explicit elements in class-file order, or defaults sharing"
                    + " a hash bucket in HotSpot's method order)");
        }
        StringBuilder sb = new StringBuilder("@").append(d.type.name).append('(');
        boolean lone = d.values.size() == 1;
        boolean first = true;
        for (Map.Entry<String, Object> e : d.values.entrySet()) {
            sb.append(first ? "" : ", ");
            first = false;
            if (!lone || !e.getKey().equals("value")) {
                sb.append(e.getKey()).append('=');
            }
            sb.append(valueString(t, e.getValue()));
        }
        return sb.append(')').toString();
    }

    private String valueString(GuestThread t, Object v) {
        if (v instanceof GuestArray) {
            GuestArray a = (GuestArray) v;
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(valueString(t, java.lang.reflect.Array.get(a.data, i)));
            }
            return sb.append('}').toString();
        }
        if (v instanceof VmClass) {
            return GuestReflection.classTypeName((VmClass) v) + ".class";
        }
        if (v instanceof String) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : ((String) v).toCharArray()) {
                sb.append(quote(c));
            }
            return sb.append('"').toString();
        }
        if (v instanceof Character) {
            return "'" + quote((Character) v) + "'";
        }
        if (v instanceof Byte) {
            return String.format("(byte)0x%02x", (Byte) v);
        }
        if (v instanceof Long) {
            return v + "L";
        }
        if (v instanceof Float) {
            float f = (Float) v;
            return Float.isNaN(f) ? "0.0f/0.0f" : Float.isInfinite(f) ? (f > 0 ? "1.0f/0.0f" : "-1.0f/0.0f") : f + "f";
        }
        if (v instanceof Double) {
            double x = (Double) v;
            return Double.isNaN(x) ? "0.0/0.0" : Double.isInfinite(x) ? (x > 0 ? "1.0/0.0" : "-1.0/0.0") : Double.toString(x);
        }
        if (v instanceof GuestObject) {
            return (String) calls.callVirtual(t, v, "toString", "()Ljava/lang/String;");
        }
        return String.valueOf(v);
    }

    private static String quote(char c) {
        switch (c) {
            case '\b': return "\\b";
            case '\f': return "\\f";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\'': return "\\'";
            case '"': return "\\\"";
            case '\\': return "\\\\";
            default: return c >= ' ' && c <= '~' ? String.valueOf(c) : String.format("\\u%04x", (int) c);
        }
    }

    /** Sum of (127 * name.hashCode()) ^ value hash, arrays hashed element-wise (AnnotationInvocationHandler.hashCodeImpl). */
    private int hash(GuestThread t, Data d) {
        int h = 0;
        for (Map.Entry<String, Object> e : d.values.entrySet()) {
            h += (127 * e.getKey().hashCode()) ^ valueHash(t, e.getValue());
        }
        return h;
    }

    private int valueHash(GuestThread t, Object v) {
        if (v instanceof GuestArray) {
            GuestArray a = (GuestArray) v;
            int h = 1;
            for (int i = 0; i < a.length; i++) {
                Object x = java.lang.reflect.Array.get(a.data, i);
                h = 31 * h + (x instanceof Number || x instanceof Boolean || x instanceof Character ? x.hashCode() : types.guestHash(t, x));
            }
            return h;
        }
        return types.guestHash(t, v);
    }

    private boolean annotationEquals(GuestThread t, GuestObject self, Object o) {
        if (o == self) {
            return true;
        }
        Data d = data(self);
        if (o == null || !linker.classOf(o).isSubtypeOf(d.type)) {
            return false;
        }
        Data other = o instanceof GuestObject && ((GuestObject) o).vmData instanceof Data ? data(o) : null;
        for (Map.Entry<String, String> e : d.elements.entrySet()) {
            Object ours = d.values.get(e.getKey());
            Object his = other != null ? other.values.get(e.getKey())
                    : calls.callVirtual(t, o, e.getKey(), "()" + e.getValue());
            if (!valueEquals(t, ours, his)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueEquals(GuestThread t, Object a, Object b) {
        if (a instanceof GuestArray && b instanceof GuestArray) {
            GuestArray x = (GuestArray) a;
            GuestArray y = (GuestArray) b;
            if (x.length != y.length || x.data.getClass() != y.data.getClass() && !(x.data instanceof Object[] && y.data instanceof Object[])) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                Object p = java.lang.reflect.Array.get(x.data, i);
                Object q = java.lang.reflect.Array.get(y.data, i);
                if (p instanceof Number || p instanceof Boolean || p instanceof Character ? !p.equals(q) : !types.guestEquals(t, p, q)) {
                    return false;
                }
            }
            return true;
        }
        return types.guestEquals(t, a, b);
    }
}
