package org.cometsim.dalvik.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.reflect.GenericSignatures.Arg;
import org.cometsim.dalvik.reflect.GenericSignatures.Arr;
import org.cometsim.dalvik.reflect.GenericSignatures.ClassSig;
import org.cometsim.dalvik.reflect.GenericSignatures.Formal;
import org.cometsim.dalvik.reflect.GenericSignatures.Prim;
import org.cometsim.dalvik.reflect.GenericSignatures.Sig;
import org.cometsim.dalvik.reflect.GenericSignatures.Simple;
import org.cometsim.dalvik.reflect.GenericSignatures.TVar;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Guest {@code java.lang.reflect.Type} values. A {@code Class} is its {@link VmClass}; the other
 * four kinds are model classes named like the JDK's implementations
 * ({@code sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl} ...), immutable guest
 * objects whose data sits in {@link GuestObject#vmData}. Their {@code toString}, {@code equals}
 * and {@code hashCode} follow the JDK 17 implementations, including equality with other guest
 * implementations of the interfaces (Gson's own {@code ParameterizedTypeImpl}, compared through
 * their getters).
 *
 * <p>Values come from two sources: a guest class's generic signature (parsed by
 * {@link GenericSignatures}, type variables resolved in the JDK's scope order: method, class,
 * enclosing method or class), or the host JDK's reflection for library classes. The four classes
 * are defined here, with the values they hold ({@link #complete}), when the model-class registry
 * links them: they are reflection's own values, made nowhere else.
 */
public final class GuestTypes {
    public static final String PTYPE = "sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl";
    public static final String TVAR = "sun.reflect.generics.reflectiveObjects.TypeVariableImpl";
    public static final String WILDCARD = "sun.reflect.generics.reflectiveObjects.WildcardTypeImpl";
    public static final String GARRAY = "sun.reflect.generics.reflectiveObjects.GenericArrayTypeImpl";
    /** The four implementation classes, all model classes. */
    public static final java.util.Set<String> CLASS_NAMES = java.util.Set.of(PTYPE, TVAR, WILDCARD, GARRAY);

    /** {@code ParameterizedType}: raw class, arguments (guest types), owner (guest type or null). */
    record PType(VmClass raw, Object[] args, Object owner) {
    }

    /** {@code WildcardType}. */
    record Wild(Object[] upper, Object[] lower) {
    }

    /** {@code GenericArrayType}. */
    record GArr(Object component) {
    }

    /** {@code TypeVariable}: declaration (a Class or a Method/Constructor mirror), name, bounds computed on first use. */
    static final class TVarData {
        final Object decl;
        final String name;
        private final Function<GuestThread, Object[]> boundsFn;
        private Object[] bounds;

        TVarData(Object decl, String name, Function<GuestThread, Object[]> boundsFn) {
            this.decl = decl;
            this.name = name;
            this.boundsFn = boundsFn;
        }

        Object[] bounds(GuestThread t) {
            if (bounds == null) {
                bounds = boundsFn.apply(t); // a cache of a pure function: not guest-visible state
            }
            return bounds;
        }
    }

    /** Resolves a type-variable name in a declaration's scope; null if not declared there. */
    public interface Scope {
        Object lookup(GuestThread t, String name);
    }

    private final ClassLinker linker;
    private final GuestExceptions exceptions;
    private final GuestCalls calls;
    private final GuestReflection refl;
    private VmClass ptypeClass;
    private VmClass tvarClass;
    private VmClass wildClass;
    private VmClass garrClass;

    GuestTypes(ClassLinker linker, GuestExceptions exceptions, GuestCalls calls, GuestReflection refl) {
        this.linker = linker;
        this.exceptions = exceptions;
        this.calls = calls;
        this.refl = refl;
    }

    private VmClass cls(String d) {
        return linker.classForDescriptor(d);
    }

    private static void nat(VmClass c, String name, String desc, NativeImpl impl) {
        VmMethod m = new VmMethod(c, name, desc, 0x0001 | 0x0100);
        m.nativeImpl = impl;
        c.methods.put(m.key(), m);
    }

    // ------------------------------------------------------------------ model classes

    /** Fills one of the four implementation classes ({@link #CLASS_NAMES}) as it is linked. */
    public void complete(VmClass c) {
        c.superclass = cls("Ljava/lang/Object;");
        switch (c.name) {
            case PTYPE:
                ptypeClass = c;
                c.interfaces = new VmClass[] {cls("Ljava/lang/reflect/ParameterizedType;")};
                nat(c, "getActualTypeArguments", "()[Ljava/lang/reflect/Type;",
                        (in, t, a) -> typeArray(ptype(a[0]).args().clone()));
                nat(c, "getRawType", "()Ljava/lang/reflect/Type;", (in, t, a) -> ptype(a[0]).raw());
                nat(c, "getOwnerType", "()Ljava/lang/reflect/Type;", (in, t, a) -> ptype(a[0]).owner());
                break;
            case TVAR:
                tvarClass = c;
                c.interfaces = new VmClass[] {cls("Ljava/lang/reflect/TypeVariable;")};
                nat(c, "getName", "()Ljava/lang/String;", (in, t, a) -> tvar(a[0]).name);
                nat(c, "getBounds", "()[Ljava/lang/reflect/Type;", (in, t, a) -> typeArray(tvar(a[0]).bounds(t).clone()));
                nat(c, "getGenericDeclaration", "()Ljava/lang/reflect/GenericDeclaration;", (in, t, a) -> tvar(a[0]).decl);
                break;
            case WILDCARD:
                wildClass = c;
                c.interfaces = new VmClass[] {cls("Ljava/lang/reflect/WildcardType;")};
                nat(c, "getUpperBounds", "()[Ljava/lang/reflect/Type;", (in, t, a) -> typeArray(wild(a[0]).upper().clone()));
                nat(c, "getLowerBounds", "()[Ljava/lang/reflect/Type;", (in, t, a) -> typeArray(wild(a[0]).lower().clone()));
                break;
            case GARRAY:
                garrClass = c;
                c.interfaces = new VmClass[] {cls("Ljava/lang/reflect/GenericArrayType;")};
                nat(c, "getGenericComponentType", "()Ljava/lang/reflect/Type;", (in, t, a) -> garr(a[0]).component());
                break;
            default:
                throw new IllegalStateException(c.name);
        }
        nat(c, "toString", "()Ljava/lang/String;", (in, t, a) -> typeName(t, a[0]));
        nat(c, "getTypeName", "()Ljava/lang/String;", (in, t, a) -> typeName(t, a[0]));
        nat(c, "equals", "(Ljava/lang/Object;)Z", (in, t, a) -> typeEquals(t, (GuestObject) a[0], a[1]));
        nat(c, "hashCode", "()I", (in, t, a) -> typeHash(t, (GuestObject) a[0]));
    }

    private static PType ptype(Object o) {
        return (PType) ((GuestObject) o).vmData;
    }

    private static TVarData tvar(Object o) {
        return (TVarData) ((GuestObject) o).vmData;
    }

    private static Wild wild(Object o) {
        return (Wild) ((GuestObject) o).vmData;
    }

    private static GArr garr(Object o) {
        return (GArr) ((GuestObject) o).vmData;
    }

    private GuestObject make(String desc, Object data) {
        VmClass c = cls(desc); // links the model class on first use
        GuestObject g = new GuestObject(c);
        g.vmData = data;
        return g;
    }

    Object parameterized(VmClass raw, Object[] args, Object owner) {
        return make("Lsun/reflect/generics/reflectiveObjects/ParameterizedTypeImpl;",
                new PType(raw, args, owner != null ? owner : refl.declaringClass(raw)));
    }

    Object typeVariable(Object decl, String name, Function<GuestThread, Object[]> bounds) {
        return make("Lsun/reflect/generics/reflectiveObjects/TypeVariableImpl;", new TVarData(decl, name, bounds));
    }

    Object wildcard(Object[] upper, Object[] lower) {
        return make("Lsun/reflect/generics/reflectiveObjects/WildcardTypeImpl;", new Wild(upper, lower));
    }

    /** An array of {@code component}: a Class for a Class component, else a GenericArrayType. */
    Object arrayOf(Object component) {
        if (component instanceof VmClass) {
            return cls("[" + ((VmClass) component).descriptor);
        }
        return make("Lsun/reflect/generics/reflectiveObjects/GenericArrayTypeImpl;", new GArr(component));
    }

    /** A guest {@code Type[]} holding {@code types}. */
    public GuestArray typeArray(Object[] types) {
        return new GuestArray(cls("[Ljava/lang/reflect/Type;"), types, types.length);
    }

    /** A guest {@code TypeVariable[]} holding {@code vars}. */
    public GuestArray typeVariableArray(Object[] vars) {
        return new GuestArray(cls("[Ljava/lang/reflect/TypeVariable;"), vars, vars.length);
    }

    // ------------------------------------------------------------------ strings, equality

    /** {@code Type.getTypeName()} of any guest type value, in the JDK's format. */
    String typeName(GuestThread t, Object ty) {
        if (ty instanceof VmClass) {
            return GuestReflection.classTypeName((VmClass) ty);
        }
        Object d = ty instanceof GuestObject ? ((GuestObject) ty).vmData : null;
        if (d instanceof PType) {
            PType p = (PType) d;
            StringBuilder sb = new StringBuilder();
            if (p.owner() != null) {
                sb.append(typeName(t, p.owner())).append('$');
                Object od = p.owner() instanceof GuestObject ? ((GuestObject) p.owner()).vmData : null;
                if (od instanceof PType) {
                    // The nested type's simple name: its binary name without the owner's prefix.
                    sb.append(p.raw().name.replace(((PType) od).raw().name + "$", ""));
                } else {
                    sb.append(refl.simpleName(p.raw()));
                }
            } else {
                sb.append(p.raw().name);
            }
            if (p.args().length > 0) {
                sb.append('<');
                for (int i = 0; i < p.args().length; i++) {
                    sb.append(i == 0 ? "" : ", ").append(typeName(t, p.args()[i]));
                }
                sb.append('>');
            }
            return sb.toString();
        }
        if (d instanceof TVarData) {
            return ((TVarData) d).name;
        }
        if (d instanceof Wild) {
            Wild w = (Wild) d;
            Object[] bounds = w.lower();
            StringBuilder sb = new StringBuilder();
            if (w.lower().length > 0) {
                sb.append("? super ");
            } else if (w.upper().length > 0 && w.upper()[0] != cls("Ljava/lang/Object;")) {
                bounds = w.upper();
                sb.append("? extends ");
            } else {
                return "?";
            }
            for (int i = 0; i < bounds.length; i++) {
                sb.append(i == 0 ? "" : " & ").append(typeName(t, bounds[i]));
            }
            return sb.toString();
        }
        if (d instanceof GArr) {
            return typeName(t, ((GArr) d).component()) + "[]";
        }
        return (String) calls.callVirtual(t, ty, "getTypeName", "()Ljava/lang/String;");
    }

    /** {@code Objects.equals} on guest values. */
    boolean guestEquals(GuestThread t, Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return (Boolean) calls.callVirtual(t, a, "equals", "(Ljava/lang/Object;)Z", b);
    }

    /** {@code Objects.hashCode} on guest values. */
    int guestHash(GuestThread t, Object a) {
        return a == null ? 0 : (Integer) calls.callVirtual(t, a, "hashCode", "()I");
    }

    private boolean arraysEqual(GuestThread t, Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!guestEquals(t, a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private int arrayHash(GuestThread t, Object[] a) {
        int h = 1;
        for (Object o : a) {
            h = 31 * h + guestHash(t, o);
        }
        return h;
    }

    private boolean isInstance(Object o, String iface) {
        return o != null && linker.classOf(o).isSubtypeOf(cls(iface));
    }

    /** The result of a getter returning {@code Type[]} on another guest implementation. */
    private Object[] typesVia(GuestThread t, Object o, String getter) {
        Object arr = calls.callVirtual(t, o, getter, "()[Ljava/lang/reflect/Type;");
        if (arr == null) {
            throw exceptions.npe(t, null);
        }
        return (Object[]) ((GuestArray) arr).data;
    }

    private boolean typeEquals(GuestThread t, GuestObject self, Object o) {
        GuestCalls in = calls;
        Object d = self.vmData;
        if (d instanceof PType) {
            if (!isInstance(o, "Ljava/lang/reflect/ParameterizedType;")) {
                return false;
            }
            if (self == o) {
                return true;
            }
            PType p = (PType) d;
            Object thatOwner = in.callVirtual(t, o, "getOwnerType", "()Ljava/lang/reflect/Type;");
            Object thatRaw = in.callVirtual(t, o, "getRawType", "()Ljava/lang/reflect/Type;");
            return guestEquals(t, p.owner(), thatOwner) && guestEquals(t, p.raw(), thatRaw)
                    && arraysEqual(t, p.args(), typesVia(t, o, "getActualTypeArguments"));
        }
        if (d instanceof TVarData) {
            if (!(o instanceof GuestObject) || ((GuestObject) o).cls != self.cls) {
                return false;
            }
            TVarData a = (TVarData) d;
            TVarData b = (TVarData) ((GuestObject) o).vmData;
            return guestEquals(t, a.decl, b.decl) && a.name.equals(b.name);
        }
        if (d instanceof Wild) {
            if (!isInstance(o, "Ljava/lang/reflect/WildcardType;")) {
                return false;
            }
            Wild w = (Wild) d;
            return arraysEqual(t, w.lower(), typesVia(t, o, "getLowerBounds"))
                    && arraysEqual(t, w.upper(), typesVia(t, o, "getUpperBounds"));
        }
        if (!isInstance(o, "Ljava/lang/reflect/GenericArrayType;")) {
            return false;
        }
        return guestEquals(t, ((GArr) d).component(), in.callVirtual(t, o, "getGenericComponentType", "()Ljava/lang/reflect/Type;"));
    }

    private int typeHash(GuestThread t, GuestObject self) {
        Object d = self.vmData;
        if (d instanceof PType) {
            PType p = (PType) d;
            return arrayHash(t, p.args()) ^ guestHash(t, p.owner()) ^ guestHash(t, p.raw());
        }
        if (d instanceof TVarData) {
            TVarData v = (TVarData) d;
            return guestHash(t, v.decl) ^ v.name.hashCode();
        }
        if (d instanceof Wild) {
            Wild w = (Wild) d;
            return arrayHash(t, w.lower()) ^ arrayHash(t, w.upper());
        }
        return guestHash(t, ((GArr) d).component());
    }

    // ------------------------------------------------------------------ from signatures

    /** The guest type for a parsed signature type, type variables resolved in {@code scope}. */
    public Object reify(GuestThread t, Sig s, Scope scope) {
        if (s instanceof Prim) {
            return cls(String.valueOf(((Prim) s).kind()));
        }
        if (s instanceof TVar) {
            String name = ((TVar) s).name();
            Object v = scope == null ? null : scope.lookup(t, name);
            if (v == null) {
                throw VmError.unsupported("generic signature names type variable " + name + ", which is not in scope");
            }
            return v;
        }
        if (s instanceof Arr) {
            return arrayOf(reify(t, ((Arr) s).component(), scope));
        }
        // The JDK's Reifier.visitClassTypeSignature: a raw class until the first simple name with
        // type arguments, then parameterized types, each the owner of the next.
        List<Simple> path = ((ClassSig) s).path();
        int i = 0;
        StringBuilder n = new StringBuilder(path.get(0).name());
        while (i + 1 < path.size() && path.get(i).args().isEmpty()) {
            i++;
            n.append('$').append(path.get(i).name());
        }
        VmClass raw = named(t, n.toString());
        if (path.get(i).args().isEmpty()) {
            return raw;
        }
        Object owner = parameterized(raw, args(t, path.get(i).args(), scope), null);
        for (i++; i < path.size(); i++) {
            n.append('$').append(path.get(i).name());
            owner = parameterized(named(t, n.toString()), args(t, path.get(i).args(), scope), owner);
        }
        return owner;
    }

    private Object[] args(GuestThread t, List<Arg> args, Scope scope) {
        Object[] out = new Object[args.size()];
        Object[] objectBound = {cls("Ljava/lang/Object;")};
        for (int i = 0; i < out.length; i++) {
            Arg a = args.get(i);
            switch (a.wildcard()) {
                case '*':
                    out[i] = wildcard(objectBound, new Object[0]);
                    break;
                case '+':
                    out[i] = wildcard(new Object[] {reify(t, a.sig(), scope)}, new Object[0]);
                    break;
                case '-':
                    out[i] = wildcard(objectBound, new Object[] {reify(t, a.sig(), scope)});
                    break;
                default:
                    out[i] = reify(t, a.sig(), scope);
                    break;
            }
        }
        return out;
    }

    private VmClass named(GuestThread t, String internalName) {
        VmClass c;
        try {
            c = linker.classForDescriptor("L" + internalName + ";");
        } catch (org.cometsim.dalvik.link.ClassLinker.LinkageFailure e) {
            c = null;
        }
        if (c == null) {
            throw exceptions.create(t, "java.lang.TypeNotPresentException", "Type " + internalName.replace('/', '.') + " not present");
        }
        return c;
    }

    public Object[] reifyAll(GuestThread t, List<Sig> sigs, Scope scope) {
        Object[] out = new Object[sigs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = reify(t, sigs.get(i), scope);
        }
        return out;
    }

    /** Type variables for formal parameters declared by {@code decl}; bounds resolve in {@code scope}. */
    public Object[] formals(List<Formal> formals, Object decl, Scope scope) {
        Object[] out = new Object[formals.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = formal(formals.get(i), decl, scope);
        }
        return out;
    }

    Object formal(Formal f, Object decl, Scope scope) {
        return typeVariable(decl, f.name(), th -> f.bounds().isEmpty() ? new Object[] {cls("Ljava/lang/Object;")}
                : reifyAll(th, f.bounds(), scope));
    }

    /** A scope over formal parameters, falling back to {@code outer} (may be null). */
    Scope scope(List<Formal> formals, Object decl, java.util.function.Supplier<Scope> outer) {
        Scope[] self = new Scope[1];
        self[0] = (t, name) -> {
            for (Formal f : formals) {
                if (f.name().equals(name)) {
                    return formal(f, decl, self[0]);
                }
            }
            Scope o = outer.get();
            return o == null ? null : o.lookup(t, name);
        };
        return self[0];
    }

    // ------------------------------------------------------------------ from the host JDK

    /** The guest value of a host reflection type (library classes' generic information). */
    public Object fromHost(java.lang.reflect.Type h) {
        if (h == null) {
            return null;
        }
        if (h instanceof Class<?>) {
            return refl.classOfHost((Class<?>) h);
        }
        if (h instanceof java.lang.reflect.ParameterizedType) {
            java.lang.reflect.ParameterizedType p = (java.lang.reflect.ParameterizedType) h;
            return make("Lsun/reflect/generics/reflectiveObjects/ParameterizedTypeImpl;",
                    new PType((VmClass) fromHost(p.getRawType()), fromHostAll(p.getActualTypeArguments()), fromHost(p.getOwnerType())));
        }
        if (h instanceof java.lang.reflect.TypeVariable<?>) {
            java.lang.reflect.TypeVariable<?> v = (java.lang.reflect.TypeVariable<?>) h;
            Object decl = refl.fromHostDeclaration(v.getGenericDeclaration());
            return typeVariable(decl, v.getName(), th -> fromHostAll(v.getBounds()));
        }
        if (h instanceof java.lang.reflect.WildcardType) {
            java.lang.reflect.WildcardType w = (java.lang.reflect.WildcardType) h;
            return wildcard(fromHostAll(w.getUpperBounds()), fromHostAll(w.getLowerBounds()));
        }
        if (h instanceof java.lang.reflect.GenericArrayType) {
            return arrayOf(fromHost(((java.lang.reflect.GenericArrayType) h).getGenericComponentType()));
        }
        throw VmError.unsupported("host reflection type " + h.getClass().getName());
    }

    public Object[] fromHostAll(java.lang.reflect.Type[] hs) {
        List<Object> out = new ArrayList<>();
        for (java.lang.reflect.Type h : hs) {
            out.add(fromHost(h));
        }
        return out.toArray();
    }

    /** The raw class of a host type, or null (for aligning library supertypes with the VM's). */
    static Class<?> rawOf(java.lang.reflect.Type h) {
        if (h instanceof Class<?>) {
            return (Class<?>) h;
        }
        if (h instanceof java.lang.reflect.ParameterizedType) {
            return rawOf(((java.lang.reflect.ParameterizedType) h).getRawType());
        }
        return null;
    }
}
