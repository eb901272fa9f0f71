package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.nat;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.host.GuestResources;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.reflect.GuestReflection.Exec;
import org.cometsim.dalvik.reflect.GuestTypes;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;

/**
 * {@code java.lang.Class}: a guest {@code Class} object is its {@link VmClass}. Names, type tests,
 * {@code forName} (linking and initialising guest, guest-library and library classes), loaders
 * and resources of the guest class path ({@link GuestResources}), enum constants, and the
 * reflective queries answered by {@link GuestReflection}: members and their mirrors, nesting,
 * modifiers, generic supertypes, record components and annotations.
 */
final class ClassModel {
    private final ClassLinker linker;
    private final ClassInitializer initializer;
    private final GuestExceptions exceptions;
    private final GuestResources resources;
    private final GuestReflection reflection;
    private final GuestTypes types;
    private final EnumModel enums;
    private final AccessibleObjectModel accessible;
    private final ConstructorModel constructors;

    ClassModel(ClassLinker linker, ClassInitializer initializer, GuestExceptions exceptions, GuestResources resources,
               GuestReflection reflection, EnumModel enums, AccessibleObjectModel accessible, ConstructorModel constructors) {
        this.linker = linker;
        this.initializer = initializer;
        this.exceptions = exceptions;
        this.resources = resources;
        this.reflection = reflection;
        this.types = reflection.types();
        this.enums = enums;
        this.accessible = accessible;
        this.constructors = constructors;
    }

    private VmClass cls(String d) {
        return linker.classForDescriptor(d);
    }

    void complete(VmClass c) {
        c.superclass = linker.objectClass() != null ? linker.objectClass() : cls("Ljava/lang/Object;");
        c.access |= 0x0010;
        c.interfaces = new VmClass[] {cls("Ljava/io/Serializable;"), cls("Ljava/lang/reflect/GenericDeclaration;"),
            cls("Ljava/lang/reflect/Type;"), cls("Ljava/lang/reflect/AnnotatedElement;")};
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> ((VmClass) a[0]).name);
        nat(c, "getTypeName", "()Ljava/lang/String;", false, (in, t, a) -> typeName((VmClass) a[0]));
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> a[0].toString());
        nat(c, "isInstance", "(Ljava/lang/Object;)Z", false, (in, t, a) -> a[1] != null && linker.classOf(a[1]).isSubtypeOf((VmClass) a[0]));
        nat(c, "isAssignableFrom", "(Ljava/lang/Class;)Z", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            return ((VmClass) a[1]).isSubtypeOf((VmClass) a[0]);
        });
        nat(c, "isInterface", "()Z", false, (in, t, a) -> ((VmClass) a[0]).isInterface());
        nat(c, "isArray", "()Z", false, (in, t, a) -> ((VmClass) a[0]).isArray());
        nat(c, "isPrimitive", "()Z", false, (in, t, a) -> ((VmClass) a[0]).isPrimitive());
        nat(c, "isEnum", "()Z", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            return (k.access & 0x4000) != 0 && k.superclass != null && k.superclass.name.equals("java.lang.Enum");
        });
        nat(c, "getComponentType", "()Ljava/lang/Class;", false, (in, t, a) -> ((VmClass) a[0]).component);
        nat(c, "getSuperclass", "()Ljava/lang/Class;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            VmClass s = k.isInterface() || k.isPrimitive() ? null : k.superclass;
            // D8 desugars records to extend com.android.tools.r8.RecordTag; the JVM reports Record
            // (libraries such as Jackson detect records by their superclass's name).
            return s != null && s.name.equals("com.android.tools.r8.RecordTag") ? linker.classForDescriptor("Ljava/lang/Record;") : s;
        });
        nat(c, "desiredAssertionStatus", "()Z", false, (in, t, a) -> false);
        nat(c, "getClassLoader", "()Ljava/lang/ClassLoader;", false, (in, t, a) -> resources.loaderOf((VmClass) a[0]));
        // Resources of a library class come from the host's JDK, as they would on the JVM;
        // those of application classes from the guest class path (GuestResources).
        nat(c, "getResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            String n = resources.absoluteName(k, (String) a[1]);
            if (resources.loaderOf(k) == null) {
                return k.host == null ? null : k.host.getResourceAsStream((String) a[1]);
            }
            return resources.stream(n);
        }).placement = Placement.CLIENT_PINNED;
        nat(c, "getResource", "(Ljava/lang/String;)Ljava/net/URL;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            String n = resources.absoluteName(k, (String) a[1]);
            if (resources.loaderOf(k) == null) {
                return k.host == null ? null : k.host.getResource((String) a[1]);
            }
            return resources.url(n);
        }).placement = Placement.CLIENT_PINNED;
        nat(c, "cast", "(Ljava/lang/Object;)Ljava/lang/Object;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] != null && !linker.classOf(a[1]).isSubtypeOf(k)) {
                throw exceptions.create(t, "java.lang.ClassCastException", "Cannot cast " + linker.classOf(a[1]).name + " to " + k.name);
            }
            return a[1];
        });
        nat(c, "asSubclass", "(Ljava/lang/Class;)Ljava/lang/Class;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            if (!k.isSubtypeOf((VmClass) a[1])) {
                throw exceptions.create(t, "java.lang.ClassCastException", k.toString());
            }
            return k;
        });
        nat(c, "getPackage", "()Ljava/lang/Package;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (k.isArray() || k.isPrimitive()) {
                return null;
            }
            if (resources.loaderOf(k) != null) {
                return resources.packageOf(k);
            }
            Class<?> h = k.host != null ? k.host : k.replacesHost;
            return h == null ? null : h.getPackage();
        });
        nat(c, "getPackageName", "()Ljava/lang/String;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            while (k.isArray()) {
                k = k.component;
            }
            if (k.isPrimitive()) {
                return "java.lang";
            }
            int dot = k.name.lastIndexOf('.');
            return dot < 0 ? "" : k.name.substring(0, dot);
        });
        nat(c, "getEnumConstants", "()[Ljava/lang/Object;", false, (in, t, a) -> {
            GuestArray values = enums.enumValues(t, (VmClass) a[0]);
            return values == null ? null : ObjectModel.cloneArray(values);
        });
        NativeImpl forName = (in, t, a) -> {
            String n = (String) a[0];
            if (n == null) {
                throw exceptions.npe(t, null);
            }
            VmClass k;
            try {
                k = n.startsWith("[") ? linker.classForDescriptor(n.replace('.', '/'))
                        : linker.classForDescriptor(Descriptors.toDescriptor(n));
            } catch (ClassLinker.LinkageFailure e) {
                k = null;
            }
            if (k == null || k.isPrimitive()) {
                throw exceptions.create(t, "java.lang.ClassNotFoundException", n);
            }
            if (a.length == 1 || (Boolean) a[1]) {
                initializer.initializeNow(t, k);
            }
            return k;
        };
        nat(c, "getDeclaredField", "(Ljava/lang/String;)Ljava/lang/reflect/Field;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            String name = (String) a[1];
            if (name == null) {
                throw exceptions.npe(t, null);
            }
            VmField f = k.kind == VmClass.Kind.HOST ? null : k.fields.get(name);
            if (f == null && (k.kind == VmClass.Kind.HOST || k.kind == VmClass.Kind.MODEL) && k.host != null) {
                // The JDK's class is the oracle: a field the model does not represent is an unsupported API.
                try {
                    k.host.getDeclaredField(name);
                    throw VmError.unsupported("reflection on field " + name + " of library class " + k.name);
                } catch (NoSuchFieldException e) {
                    // not in the JDK either: the guest's NoSuchFieldException below
                }
            }
            if (f == null) {
                throw exceptions.create(t, "java.lang.NoSuchFieldException", name);
            }
            return reflection.fieldMirror(f);
        });
        nat(c, "forName", "(Ljava/lang/String;)Ljava/lang/Class;", true, forName);
        nat(c, "forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", true, forName);
        defineReflectiveQueries(c);
    }

    private static String typeName(VmClass k) {
        if (k.isArray()) {
            return typeName(k.component) + "[]";
        }
        return k.name;
    }

    /** The reflective queries: members and their mirrors, nesting, modifiers, names, generics, records, annotations. */
    private void defineReflectiveQueries(VmClass c) {
        nat(c, "getDeclaredMethods", "()[Ljava/lang/reflect/Method;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (GuestReflection.isLibrary(k)) {
                throw VmError.unsupported("java.lang.Class.getDeclaredMethods()[Ljava/lang/reflect/Method; on library class " + k.name);
            }
            return reflection.mirrors(reflection.declaredExecs(k, false), "[Ljava/lang/reflect/Method;");
        });
        nat(c, "getMethods", "()[Ljava/lang/reflect/Method;", false,
                (in, t, a) -> reflection.mirrors(reflection.publicMethods((VmClass) a[0]), "[Ljava/lang/reflect/Method;"));
        nat(c, "getDeclaredMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", false,
                (in, t, a) -> reflection.getMethod(t, (VmClass) a[0], (String) a[1], a[2], true));
        nat(c, "getMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", false,
                (in, t, a) -> reflection.getMethod(t, (VmClass) a[0], (String) a[1], a[2], false));
        nat(c, "getDeclaredConstructors", "()[Ljava/lang/reflect/Constructor;", false,
                (in, t, a) -> reflection.mirrors(reflection.constructors((VmClass) a[0], false), "[Ljava/lang/reflect/Constructor;"));
        nat(c, "getConstructors", "()[Ljava/lang/reflect/Constructor;", false,
                (in, t, a) -> reflection.mirrors(reflection.constructors((VmClass) a[0], true), "[Ljava/lang/reflect/Constructor;"));
        nat(c, "getDeclaredConstructor", "([Ljava/lang/Class;)Ljava/lang/reflect/Constructor;", false,
                (in, t, a) -> reflection.getConstructor(t, (VmClass) a[0], a[1], true));
        nat(c, "getConstructor", "([Ljava/lang/Class;)Ljava/lang/reflect/Constructor;", false,
                (in, t, a) -> reflection.getConstructor(t, (VmClass) a[0], a[1], false));
        nat(c, "newInstance", "()Ljava/lang/Object;", false, (in, t, a) -> classNewInstance(in, t, (VmClass) a[0]));
        nat(c, "getDeclaredFields", "()[Ljava/lang/reflect/Field;", false, (in, t, a) -> reflection.fieldArray(reflection.declaredFields((VmClass) a[0])));
        nat(c, "getFields", "()[Ljava/lang/reflect/Field;", false, (in, t, a) -> {
            List<VmField> out = new ArrayList<>();
            reflection.publicFields((VmClass) a[0], out);
            return reflection.fieldArray(out);
        });
        nat(c, "getField", "(Ljava/lang/String;)Ljava/lang/reflect/Field;", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            VmField f = reflection.publicField((VmClass) a[0], (String) a[1]);
            if (f == null) {
                throw exceptions.create(t, "java.lang.NoSuchFieldException", (String) a[1]);
            }
            return reflection.fieldMirror(f);
        });
        nat(c, "getEnclosingMethod", "()Ljava/lang/reflect/Method;", false, (in, t, a) -> reflection.enclosingExec(t, (VmClass) a[0], false));
        nat(c, "getEnclosingConstructor", "()Ljava/lang/reflect/Constructor;", false,
                (in, t, a) -> reflection.enclosingExec(t, (VmClass) a[0], true));
        nat(c, "isAnonymousClass", "()Z", false, (in, t, a) -> reflection.isAnonymous((VmClass) a[0]));
        nat(c, "isLocalClass", "()Z", false, (in, t, a) -> reflection.isLocalOrAnonymous((VmClass) a[0]) && !reflection.isAnonymous((VmClass) a[0]));
        nat(c, "isMemberClass", "()Z", false, (in, t, a) -> !reflection.isLocalOrAnonymous((VmClass) a[0]) && reflection.declaringClass((VmClass) a[0]) != null);
        nat(c, "getEnclosingClass", "()Ljava/lang/Class;", false, (in, t, a) -> reflection.enclosingClass((VmClass) a[0]));
        nat(c, "getDeclaringClass", "()Ljava/lang/Class;", false, (in, t, a) -> reflection.declaringClass((VmClass) a[0]));
        nat(c, "getModifiers", "()I", false, (in, t, a) -> reflection.classModifiers((VmClass) a[0]));
        nat(c, "isSynthetic", "()Z", false, (in, t, a) -> (reflection.classModifiers((VmClass) a[0]) & 0x1000) != 0);
        nat(c, "isAnnotation", "()Z", false, (in, t, a) -> (((VmClass) a[0]).access & 0x2000) != 0);
        nat(c, "getSimpleName", "()Ljava/lang/String;", false, (in, t, a) -> reflection.simpleName((VmClass) a[0]));
        nat(c, "getCanonicalName", "()Ljava/lang/String;", false, (in, t, a) -> reflection.canonicalName((VmClass) a[0]));
        nat(c, "getInterfaces", "()[Ljava/lang/Class;", false, (in, t, a) -> {
            VmClass[] ifs = ((VmClass) a[0]).interfaces;
            Object[] out = ((VmClass) a[0]).isPrimitive() ? new Object[0] : java.util.Arrays.copyOf(ifs, ifs.length, Object[].class);
            return new GuestArray(cls("[Ljava/lang/Class;"), out, out.length);
        });
        nat(c, "getGenericSuperclass", "()Ljava/lang/reflect/Type;", false, (in, t, a) -> reflection.genericSuperclass(t, (VmClass) a[0]));
        nat(c, "getGenericInterfaces", "()[Ljava/lang/reflect/Type;", false,
                (in, t, a) -> types.typeArray(reflection.genericInterfaces(t, (VmClass) a[0])));
        nat(c, "getTypeParameters", "()[Ljava/lang/reflect/TypeVariable;", false,
                (in, t, a) -> types.typeVariableArray(reflection.typeParameters((VmClass) a[0])));
        nat(c, "isRecord", "()Z", false, (in, t, a) -> GuestReflection.isRecord((VmClass) a[0]));
        nat(c, "getRecordComponents", "()[Ljava/lang/reflect/RecordComponent;", false,
                (in, t, a) -> reflection.recordComponents((VmClass) a[0]));
        nat(c, "getAnnotation", "(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            VmClass holder = reflection.annotatedClass((VmClass) a[0], (VmClass) a[1]);
            return holder == null ? null : reflection.declaredAnnotation(t, holder, (VmClass) a[1]);
        });
        nat(c, "getDeclaredAnnotation", "(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            return reflection.declaredAnnotation(t, a[0], (VmClass) a[1]);
        });
        nat(c, "isAnnotationPresent", "(Ljava/lang/Class;)Z", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            return reflection.annotatedClass((VmClass) a[0], (VmClass) a[1]) != null;
        });
        nat(c, "getAnnotations", "()[Ljava/lang/annotation/Annotation;", false,
                (in, t, a) -> reflection.annotationArray(reflection.classAnnotations(t, (VmClass) a[0])));
        nat(c, "getDeclaredAnnotations", "()[Ljava/lang/annotation/Annotation;", false,
                (in, t, a) -> reflection.annotationArray(reflection.declaredAnnotations(t, a[0], true)));
    }

    /** {@code Class.newInstance()}: the nullary constructor, its exception rethrown unwrapped. */
    private Object classNewInstance(GuestCalls in, GuestThread t, VmClass k) {
        if (k == linker.classClass()) {
            throw exceptions.create(t, "java.lang.IllegalAccessException", "Can not call newInstance() on the Class for java.lang.Class");
        }
        Exec ctor = null;
        for (Exec e : k.isPrimitive() || k.isArray() || k.isInterface() ? List.<Exec>of() : reflection.constructors(k, false)) {
            if (e.params.isEmpty()) {
                ctor = e;
            }
        }
        if (ctor == null) {
            throw exceptions.createWithCause(t, "java.lang.InstantiationException", k.name,
                    exceptions.create(t, "java.lang.NoSuchMethodException", k.name + ".<init>()").guest);
        }
        reflection.checkAccess(t, k, ctor.modifiers, k);
        GuestObject m = reflection.mirror(ctor);
        accessible.setOverride(m, true);
        try {
            return constructors.newInstance(in, t, m, null);
        } catch (GuestThrowable g) {
            // Class.newInstance rethrows the constructor's exception itself (Unsafe.throwException).
            if (g.guest.cls.name.equals("java.lang.reflect.InvocationTargetException")) {
                Object cause = in.callVirtual(t, g.guest, "getCause", "()Ljava/lang/Throwable;");
                throw new GuestThrowable((GuestObject) cause);
            }
            throw g;
        }
    }
}
