package org.cometsim.dalvik.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.code.Decoder;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.GuestLibrary;
import org.cometsim.dalvik.load.ParsedClass;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.LinkTable;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.jf.dexlib2.iface.ClassDef;

/**
 * One VM's classes: the registry from descriptor to {@link VmClass}, and linking on first use
 * (JVMS 5.3-5.4): guest classes from the class path's dex files, guest-library classes under the
 * JDK's names (shadowing the host's), model and host classes from the {@link ClassLibrary}, array
 * and primitive classes; field layout; and each method's code, linked from its template the first
 * time this VM runs it.
 */
public final class ClassLinker {
    private final ClassPath classPath;
    /** Guest-library classes ({@code java.*} run as guest code), shadowing the host's; or null. */
    private final ClassPath guestLibrary;
    private final Map<String, VmClass> classes = new HashMap<>();
    private final Map<Class<?>, VmClass> hostClassCache = new HashMap<>();
    /** Guest classes whose supertypes are being linked now (cycle detection). */
    private final java.util.Set<VmClass> linking = new java.util.HashSet<>();
    private final LinkTable linkTable = new LinkTable();
    private final Decoder decoder = new Decoder(linkTable);
    private final NativeRegistry natives;
    private ClassLibrary library;
    private GuestExceptions exceptions;
    private VmClass objectClass;
    private VmClass stringClass;
    private VmClass classClass;

    /**
     * Whether the JDK class {@code name} is one the guest library replaces (its instances are
     * guest objects), without linking it (the offload runtime asks from inside a call).
     */
    public boolean isGuestLibraryClass(String name) {
        String d = "L" + name.replace('.', '/') + ";";
        return (guestLibrary != null ? guestLibrary.parsedClass(d) : GuestLibrary.linkedWhenOff(d)) != null;
    }

    public ClassLinker(ClassPath classPath, ClassPath guestLibrary, NativeRegistry natives) {
        this.classPath = classPath;
        this.guestLibrary = guestLibrary;
        this.natives = natives;
        natives.attach(this);
    }

    /** Connects the class library and links the classes every VM needs first. */
    public void attach(ClassLibrary library, GuestExceptions exceptions) {
        this.library = library;
        this.exceptions = exceptions;
        this.objectClass = classForDescriptor("Ljava/lang/Object;");
        this.stringClass = classForDescriptor("Ljava/lang/String;");
        this.classClass = classForDescriptor("Ljava/lang/Class;");
    }

    /**
     * Every class linked so far, in a deterministic order (by descriptor): what the offload
     * runtime scans for classes whose initialisation state or statics it must ship.
     */
    public java.util.List<VmClass> linkedClasses() {
        java.util.List<String> keys = new ArrayList<>(classes.keySet());
        java.util.Collections.sort(keys);
        java.util.List<VmClass> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(classes.get(k));
        }
        return out;
    }

    /** This VM's interning of symbolic references (one link object per symbol). */
    public LinkTable links() {
        return linkTable;
    }

    public VmClass objectClass() {
        return objectClass;
    }

    public VmClass stringClass() {
        return stringClass;
    }

    public VmClass classClass() {
        return classClass;
    }


    public boolean hasGuestClass(String descriptor) {
        return classPath.defines(descriptor);
    }

    /** Which class path entry defines a guest class (e.g. {@code app.jar (D8 output 1)}), or null. */
    public String originOf(String descriptor) {
        ParsedClass p = classPath.parsedClass(descriptor);
        if (p != null && p.definition instanceof org.jf.dexlib2.dexbacked.DexBackedClassDef) {
            Object dex = ((org.jf.dexlib2.dexbacked.DexBackedClassDef) p.definition).dexFile;
            for (ClassPath.DexImage img : classPath.images()) {
                if (img.dex() == dex) {
                    return img.origin();
                }
            }
        }
        return null;
    }

    /** The dex class definitions on the class path (descriptor → definition), for tools. */
    public Map<String, ClassDef> guestDefinitions() {
        return classPath.definitions();
    }

    // ------------------------------------------------------------------ classes

    /** Thrown (host side) when a class cannot be found or linked; turned into a guest error. */
    public static final class LinkageFailure extends RuntimeException {
        public final String guestError;

        public LinkageFailure(String guestError, String message) {
            super(message, null, false, false);
            this.guestError = guestError;
        }
    }

    /** The class for a descriptor, linking it on first use; null if it does not exist anywhere. */
    public VmClass classForDescriptor(String d) {
        VmClass c = classes.get(d);
        if (c != null) {
            return c;
        }
        if (d.isEmpty() || d.equals("[") || (d.charAt(0) == 'L' && (d.length() < 3 || !d.endsWith(";")))) {
            return null; // not a descriptor (a main class named "[" and the like): no such class
        }
        char k = d.charAt(0);
        if (k == '[') {
            VmClass comp = classForDescriptor(d.substring(1));
            if (comp == null) {
                return null;
            }
            c = new VmClass(VmClass.Kind.ARRAY, d.replace('/', '.'), d);
            c.component = comp;
            c.primitive = comp.kind == VmClass.Kind.PRIMITIVE ? comp.primitive : 'L';
            c.superclass = classForDescriptor("Ljava/lang/Object;");
            c.access = 0x0001 | 0x0010 | 0x0400;
            c.interfaces = new VmClass[] {classForDescriptor("Ljava/lang/Cloneable;"),
                    classForDescriptor("Ljava/io/Serializable;")};
            c.initState = VmClass.INIT_DONE;
            classes.put(d, c);
            return c;
        }
        if (k != 'L') {
            if (d.length() != 1 || "IJFDZBCSV".indexOf(k) < 0) {
                return null;
            }
            c = new VmClass(VmClass.Kind.PRIMITIVE, Descriptors.primitiveName(k), d);
            c.primitive = k;
            c.host = primitiveHost(k);
            c.access = 0x0001 | 0x0010 | 0x0400;
            c.initState = VmClass.INIT_DONE;
            classes.put(d, c);
            return c;
        }
        ParsedClass def = classPath.parsedClass(d);
        if (def != null && !d.startsWith("Ljava/")) {
            return linkGuest(d, def, true);
        }
        ParsedClass lib = guestLibrary != null ? guestLibrary.parsedClass(d) : GuestLibrary.linkedWhenOff(d);
        if (lib != null) {
            // A guest-library class: guest code under the JDK's name, in place of the host's class.
            c = linkGuest(d, lib, false);
            c.replacesHost = findHostClass(c.name);
            return c;
        }
        String name = Descriptors.toClassName(d);
        c = library.defineModel(name, d);
        if (c != null) {
            classes.put(d, c);
            library.completeModel(c);
            return c;
        }
        Class<?> host = findHostClass(name);
        if (host != null) {
            if (Throwable.class.isAssignableFrom(host)) {
                c = library.mirrorThrowable(name, d, host);
                classes.put(d, c);
                return c;
            }
            c = newHostClass(host);
            classes.put(d, c);
            return c;
        }
        if (def != null) {
            // A dex that defines a java.* class the host lacks: treat it as guest code.
            return linkGuest(d, def, true);
        }
        return null;
    }

    /** The VM class for a host class (String, ArrayList$Itr, int[], ...). */
    public VmClass hostClassOf(Class<?> h) {
        VmClass c = hostClassCache.get(h);
        if (c != null) {
            return c;
        }
        c = classForDescriptor(Descriptors.of(h));
        if (c != null && c.kind == VmClass.Kind.GUEST && c.replacesHost == h) {
            // A host object of a class the guest library replaces (a java.util.ArrayList made by
            // host code, e.g. Collectors.toList()): it keeps its host class, which the guest sees as
            // a subtype of the guest-library class of the same name (VmClass.isSubtypeOf).
            return newHostClass(h);
        }
        if (c == null) {
            // Non-public or hidden host classes (lambdas, inner iterators) still need a class for dispatch.
            c = new VmClass(VmClass.Kind.HOST, h.getName(), Descriptors.of(h));
            c.host = h;
            c.access = h.getModifiers() & 0xffff;
            c.initState = VmClass.INIT_DONE;
            if (h.getSuperclass() != null) {
                c.superclass = hostClassOf(h.getSuperclass());
            }
        }
        hostClassCache.put(h, c);
        return c;
    }

    /** A HOST class for a public host class, with its supertypes (registered in the host-class cache). */
    private VmClass newHostClass(Class<?> host) {
        VmClass c = new VmClass(VmClass.Kind.HOST, host.getName(), Descriptors.of(host));
        c.host = host;
        c.access = host.getModifiers() & 0xffff;
        c.initState = VmClass.INIT_DONE;
        hostClassCache.put(host, c);
        Class<?> sup = host.getSuperclass();
        if (sup != null) {
            c.superclass = hostClassOf(sup);
        }
        List<VmClass> ifs = new ArrayList<>();
        for (Class<?> i : host.getInterfaces()) {
            ifs.add(hostClassOf(i));
        }
        c.interfaces = ifs.toArray(new VmClass[0]);
        return c;
    }

    private static Class<?> primitiveHost(char k) {
        switch (k) {
            case 'I': return int.class;
            case 'J': return long.class;
            case 'F': return float.class;
            case 'D': return double.class;
            case 'Z': return boolean.class;
            case 'B': return byte.class;
            case 'C': return char.class;
            case 'S': return short.class;
            default: return void.class;
        }
    }

    /** Host classes the guest may use: the Java platform's own public API. */
    private static Class<?> findHostClass(String name) {
        if (!(name.startsWith("java.") || name.startsWith("javax."))) {
            return null;
        }
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /**
     * @param verify whether to run the verifier: the app's classes, yes; the guest library's, no.
     *     It is this project's own build output, verified whole by the test suite
     *     ({@code VerifierCorpusTest}), and verifying the few dozen library classes every run links
     *     was most of the verifier's fixed cost per run (issue #18's 2 % target).
     */
    private VmClass linkGuest(String d, ParsedClass def, boolean verify) {
        VmClass c = new VmClass(VmClass.Kind.GUEST, Descriptors.toClassName(d), d);
        c.definition = def.definition;
        c.access = def.access;
        c.sourceFile = def.sourceFile;
        classes.put(d, c);
        linking.add(c);
        try {
            if (def.superclass != null) {
                VmClass sup = classForDescriptor(def.superclass);
                checkNotCircular(c, sup);
                if (sup == null) {
                    throw new LinkageFailure("java.lang.NoClassDefFoundError",
                            Descriptors.toClassName(def.superclass).replace('.', '/'));
                }
                if (sup.kind == VmClass.Kind.HOST) {
                    if (!library.canExtend(sup.host)) {
                        throw VmError.unsupported("class " + c.name + " extends library class " + sup.name
                                + ", which cannot be subclassed from guest code");
                    }
                    c.hostBase = sup;
                } else if (sup.hostBase != null) {
                    c.hostBase = sup.hostBase;
                }
                c.superclass = sup;
            }
            List<VmClass> ifs = new ArrayList<>();
            for (String i : def.interfaces) {
                VmClass ic = classForDescriptor(i);
                checkNotCircular(c, ic);
                if (ic == null) {
                    throw new LinkageFailure("java.lang.NoClassDefFoundError", Descriptors.toClassName(i).replace('.', '/'));
                }
                ifs.add(ic);
            }
            c.interfaces = ifs.toArray(new VmClass[0]);
            // Verified once per class path, before any of its code can run (issue #18).
            String verifyError = verify ? def.verificationFailure() : null;
            if (verifyError != null) {
                throw new LinkageFailure("java.lang.VerifyError", verifyError);
            }
            layoutFields(c, def);
            for (ParsedClass.ParsedMethod m : def.methods) {
                VmMethod vm = new VmMethod(c, m.name, m.desc, m.access, m.params, m.returnKind);
                if (m.implementation != null) {
                    vm.codeSource = m;
                    if (RecordHashCodes.isD8Helper(vm)) {
                        vm.nativeImpl = RecordHashCodes.JDK_RECORD_HASH; // the JVM's record hashCode, not D8's
                    }
                } else if ((m.access & 0x0100) != 0) { // ACC_NATIVE
                    natives.bindGuestNative(vm);
                }
                c.methods.put(vm.key(), vm);
            }
        } catch (RuntimeException e) {
            classes.remove(d);
            throw e;
        } finally {
            linking.remove(c);
        }
        return c;
    }

    /**
     * A supertype still being linked further down this same chain means the class is its own
     * supertype (a dex with {@code A extends B}, {@code B extends A}): the JVM throws
     * {@code ClassCircularityError} naming the class, instead of recursing.
     */
    private void checkNotCircular(VmClass c, VmClass sup) {
        if (sup != null && linking.contains(sup)) {
            throw new LinkageFailure("java.lang.ClassCircularityError", sup.name.replace('.', '/'));
        }
    }

    private void layoutFields(VmClass c, ParsedClass def) {
        VmClass sup = c.superclass;
        int prim = sup == null ? 0 : sup.instancePrimCount;
        int ref = sup == null ? 0 : sup.instanceRefCount;
        int idx = sup == null ? 0 : sup.instanceFieldCount;
        for (ParsedClass.ParsedField f : def.instanceFields) {
            VmField vf = new VmField(c, f.name(), f.type(), f.access());
            vf.slot = vf.isRef ? ref++ : prim++;
            vf.index = idx++;
            c.fields.put(vf.name, vf);
        }
        c.instancePrimCount = prim;
        c.instanceRefCount = ref;
        c.instanceFieldCount = idx;
        int sp = 0;
        int sr = 0;
        List<VmField> statics = new ArrayList<>();
        for (ParsedClass.ParsedField f : def.staticFields) {
            VmField vf = new VmField(c, f.name(), f.type(), f.access());
            vf.slot = vf.isRef ? sr++ : sp++;
            vf.index = statics.size();
            vf.initialValue = f.initialValue();
            statics.add(vf);
            c.fields.put(vf.name, vf);
        }
        c.staticP = new long[sp];
        c.staticR = new Object[sr];
        c.staticFields = statics.toArray(new VmField[0]);
    }

    /** The class of any guest value (never null for non-null values). */
    public VmClass classOf(Object v) {
        if (v instanceof GuestObject) {
            return ((GuestObject) v).cls;
        }
        if (v instanceof String) {
            return stringClass;
        }
        if (v instanceof GuestArray) {
            return ((GuestArray) v).type;
        }
        if (v instanceof VmClass) {
            return classClass;
        }
        return hostClassOf(v.getClass());
    }

    // ------------------------------------------------------------------ members

    /** Bytecode of a method, decoded on first use. */
    public MethodCode codeOf(GuestThread t, VmMethod m) {
        MethodCode code = m.code;
        if (code != null) {
            return code;
        }
        if (m.codeSource == null) {
            if ((m.access & 0x0400) != 0) {
                throw exceptions.create(t, "java.lang.AbstractMethodError", m.display());
            }
            throw VmError.unsupported("method without code: " + m.display());
        }
        try {
            // decoded once per class path (shared by every VM made from it), linked per VM
            code = decoder.instantiate(m.codeSource.template(m.argWords));
        } catch (RuntimeException e) {
            throw new VmError("corrupt code in " + m.display() + ": " + e.getMessage(), e);
        }
        m.code = code;
        m.codeSource = null;
        return code;
    }}
