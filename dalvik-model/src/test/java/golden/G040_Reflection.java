package golden;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reflection on guest classes: methods and constructors (lookup, toString, modifiers, invoke with
 * boxing and virtual dispatch, every exception case), fields (access checks, final fields, typed
 * getters/setters), class queries (anonymous/local/member, modifiers, enclosing classes) and generic
 * signatures (ParameterizedType, TypeVariable, WildcardType, GenericArrayType), annotation
 * instances (values, defaults, @Inherited, toString/equals/hashCode), and
 * sun.misc.Unsafe.allocateInstance reached reflectively as Gson does. Lists are sorted: the JDK does
 * not specify the order of getDeclaredMethods/getMethods.
 */
public class G040_Reflection {
    interface Shape {
        double area();

        default String describe() {
            return "shape of area " + area();
        }
    }

    abstract static class Base implements Shape {
        protected int id;

        Base() {
        }

        Base(int id) {
            this.id = id;
        }

        public String name() {
            return "base";
        }

        public static String kind() {
            return "static kind";
        }

        protected void prot() {
        }
    }

    public static class Circle extends Base implements Comparable<Circle> {
        public double r;
        private String tag = "t";
        public static int created;
        public final int fin = 5;
        public static final String CONST_LIKE = String.valueOf("constant");
        transient volatile long tv;
        byte b8;
        char ch = 'q';
        Integer boxed = 9;

        public Circle() {
            this(1.0);
        }

        public Circle(double r) {
            super(7);
            this.r = r;
            created++;
        }

        private Circle(String tag, int id) {
            super(id);
            this.tag = tag;
        }

        @Override
        public double area() {
            return 3 * r * r;
        }

        @Override
        public String name() {
            return "circle:" + tag;
        }

        @Override
        public int compareTo(Circle o) {
            return Double.compare(r, o.r);
        }

        private String secret(int x, long y, char c) {
            return tag + x + y + c;
        }

        public static int add(int a, int b) {
            return a + b;
        }

        public static String widen(long a, double d, Object o, short s) {
            return a + "/" + d + "/" + o + "/" + s;
        }

        public void fail(String msg) throws java.io.IOException, InterruptedException {
            throw new IllegalStateException(msg);
        }

        public int[][] arrays(String[] s, int[] xs) {
            return new int[][] {xs, {s.length}};
        }

        public final synchronized void sync() {
        }

        public static void varargs(String... xs) {
        }

        static boolean flag(boolean z, byte b, float f) {
            return z && b > 0 && f > 0;
        }
    }

    static class Boom {
        Boom() {
            throw new UnsupportedOperationException("boom");
        }
    }

    public abstract static class Abs {
        public Abs() {
        }
    }

    enum Color { RED, GREEN }

    static class NoDefault {
        int x = 42;
        String s = "set by constructor";

        NoDefault(int x) {
            this.x = x;
        }
    }

    static class Pair<A, B extends Number> implements Comparable<Pair<A, B>> {
        A first;
        B second;
        List<? extends Number> extendsList;
        List<? super Integer> superList;
        List<?> anyList;
        A[] genericArray;
        List<String>[] paramArray;
        Map.Entry<String, Integer> entry;
        Map<String, List<int[]>> nested;
        int plain;

        @Override
        public int compareTo(Pair<A, B> o) {
            return 0;
        }

        <T extends Comparable<T>> T max(List<? extends T> xs, A a) {
            return null;
        }
    }

    static class Outer<T> {
        class Inner {
        }

        Inner inner;
        Outer<String>.Inner stringInner;
    }

    abstract static class TypeCapture<X> {
        Type captured() {
            return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        }
    }

    static class StringList extends ArrayList<String> {
    }

    class InnerNonStatic {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Tag {
        String value();

        int weight() default 1;

        String[] aliases() default {};
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @interface Marker {
        Color color() default Color.GREEN;

        Class<?> kind() default Object.class;
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Kinds {
        byte b() default 1;

        char c() default '\'';

        long l() default 4L;

        float f() default Float.NaN;

        double d() default -0.0;

        short s() default -2;

        String str() default "q\"\t\u00e9'";

        int[] ia() default {1, 2};

        Tag nested() default @Tag("n");

        Color[] colors() default {Color.RED};

        Class<?>[] ks() default {int[].class, Map.Entry.class};

        boolean z() default true;

        ElementType where() default ElementType.FIELD;
    }

    @interface ClassRetained {
    }

    @Marker(color = Color.RED)
    static class Annotated {
        @Tag(value = "f", aliases = {"a", "b"})
        int f;
        @Tag("g")
        int g;
        @Tag("g")
        int g2;
        @ClassRetained
        int hidden;

        @Kinds
        Annotated() {
        }

        @Tag("m")
        @Deprecated
        public void m() {
        }
    }

    static class SubAnnotated extends Annotated {
    }

    public static void main(String[] args) throws Exception {
        methods();
        invocation();
        constructors();
        fields();
        classQueries();
        generics();
        annotations();
        unsafe();
    }

    static String sorted(Object[] xs) {
        String[] s = new String[xs.length];
        for (int i = 0; i < xs.length; i++) {
            s[i] = String.valueOf(xs[i]);
        }
        Arrays.sort(s);
        return String.join("\n  ", s);
    }

    static void methods() throws Exception {
        System.out.println("== declared methods of Circle\n  " + sorted(Circle.class.getDeclaredMethods()));
        System.out.println("== public methods of Circle\n  " + sorted(Circle.class.getMethods()));
        System.out.println("== public methods of Shape\n  " + sorted(Shape.class.getMethods()));
        System.out.println("== declared methods of Shape\n  " + sorted(Shape.class.getDeclaredMethods()));
        Method secret = Circle.class.getDeclaredMethod("secret", int.class, long.class, char.class);
        System.out.println(secret + " name=" + secret.getName() + " ret=" + secret.getReturnType()
                + " count=" + secret.getParameterCount() + " params=" + Arrays.toString(secret.getParameterTypes())
                + " mods=" + secret.getModifiers() + " decl=" + secret.getDeclaringClass().getSimpleName());
        Method arrays = Circle.class.getMethod("arrays", String[].class, int[].class);
        System.out.println(arrays + " ret=" + arrays.getReturnType() + " " + arrays.getReturnType().getTypeName());
        Method varargs = Circle.class.getMethod("varargs", String[].class);
        System.out.println(varargs + " varargs=" + varargs.isVarArgs() + " mods=" + Integer.toHexString(varargs.getModifiers()));
        Method describe = Shape.class.getMethod("describe");
        System.out.println(describe + " default=" + describe.isDefault() + " area default="
                + Shape.class.getMethod("area").isDefault());
        Method bridge = null;
        for (Method m : Circle.class.getDeclaredMethods()) {
            if (m.getName().equals("compareTo") && m.getParameterTypes()[0] == Object.class) {
                bridge = m;
            }
        }
        System.out.println("bridge " + bridge + " bridge=" + bridge.isBridge() + " synthetic=" + bridge.isSynthetic()
                + " mods=" + Integer.toHexString(bridge.getModifiers()));
        Method inherited = Circle.class.getMethod("kind");
        System.out.println("inherited static " + inherited + " from " + inherited.getDeclaringClass().getName());
        System.out.println("inherited Object " + Circle.class.getMethod("hashCode"));
        System.out.println("sync " + Circle.class.getMethod("sync"));
        Method a1 = Circle.class.getMethod("area");
        Method a2 = Circle.class.getMethod("area");
        System.out.println("equals=" + a1.equals(a2) + " same=" + (a1 == a2) + " hash=" + a1.hashCode() + " hashEq="
                + (a1.hashCode() == a2.hashCode()) + " vs Base.name=" + a1.equals(Base.class.getMethod("name")));
        System.out.println("overriding name: " + Circle.class.getMethod("name").getDeclaringClass().getSimpleName()
                + " equals Base.name " + Circle.class.getMethod("name").equals(Base.class.getMethod("name")));
        Member member = a1;
        System.out.println("member " + member.getName() + " " + member.getModifiers() + " " + member.getDeclaringClass().getSimpleName());
        expect(() -> Circle.class.getDeclaredMethod("nope", int.class, String[].class));
        expect(() -> Circle.class.getMethod("secret", int.class, long.class, char.class));
        expect(() -> Circle.class.getDeclaredMethod("area", int.class));
        expect(() -> Circle.class.getDeclaredMethod("kind"));
        expect(() -> Circle.class.getMethod("prot"));
        System.out.println("Base.prot via getDeclaredMethod: " + Base.class.getDeclaredMethod("prot"));
        System.out.println("Object methods via getMethod: " + Object.class.getMethod("toString") + " | "
                + Object.class.getMethod("wait", long.class));
        System.out.println("String method: " + String.class.getMethod("substring", int.class, int.class));
        System.out.println("String.valueOf(char[]): " + String.class.getMethod("valueOf", char[].class));
    }

    interface Action {
        Object run() throws Exception;
    }

    static void expect(Action a) {
        try {
            Object r = a.run();
            System.out.println("  ok: " + r);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            // Helpful NullPointerException texts are HotSpot's own: print the class only.
            Object shown = c instanceof NullPointerException ? c.getClass().getName() : c;
            System.out.println("  InvocationTargetException msg=" + e.getMessage() + " cause=" + shown + " target="
                    + (e.getTargetException() == c));
        } catch (NullPointerException e) {
            System.out.println("  NullPointerException");
        } catch (Exception e) {
            System.out.println("  " + e);
        }
    }

    static void invocation() throws Exception {
        System.out.println("== invocation");
        Circle c = new Circle(2);
        Method area = Circle.class.getMethod("area");
        System.out.println("area " + area.invoke(c) + " boxed " + area.invoke(c).getClass().getName());
        System.out.println("virtual Base.name on circle: " + Base.class.getMethod("name").invoke(c));
        System.out.println("virtual Shape.area on circle: " + Shape.class.getMethod("area").invoke(c));
        System.out.println("default describe: " + Shape.class.getMethod("describe").invoke(c));
        System.out.println("toString via Object: " + Object.class.getMethod("toString").invoke(List.of(1, 2)));
        System.out.println("String.concat: " + String.class.getMethod("concat", String.class).invoke("ab", "cd"));
        System.out.println("Integer.parseInt: " + Integer.class.getMethod("parseInt", String.class).invoke(null, "123"));
        Method add = Circle.class.getMethod("add", int.class, int.class);
        System.out.println("add " + add.invoke(null, 3, 4) + " with receiver " + add.invoke(c, 5, 6));
        System.out.println("add widened " + add.invoke(null, (byte) 1, 'a') + " " + add.invoke(null, (short) 2, 3));
        Method widen = Circle.class.getMethod("widen", long.class, double.class, Object.class, short.class);
        System.out.println("widen " + widen.invoke(null, 5, 2.5f, "o", (byte) 3));
        System.out.println("widen " + widen.invoke(null, 'A', 7L, null, (short) -1));
        Method flag = Circle.class.getDeclaredMethod("flag", boolean.class, byte.class, float.class);
        System.out.println("flag " + flag.invoke(null, true, (byte) 1, 0.5f) + " " + flag.invoke(null, true, (byte) 1, 3));
        Method secret = Circle.class.getDeclaredMethod("secret", int.class, long.class, char.class);
        System.out.println("secret (nestmate) " + secret.invoke(c, 1, 2L, 'z'));
        Method arrays = Circle.class.getMethod("arrays", String[].class, int[].class);
        int[][] res = (int[][]) arrays.invoke(c, new String[] {"a", "b"}, new int[] {4, 5});
        System.out.println("arrays " + Arrays.deepToString(res));
        Method fail = Circle.class.getMethod("fail", String.class);
        System.out.println("fail " + fail);
        expect(() -> fail.invoke(c, "bad state"));
        expect(() -> add.invoke(null, 1));
        expect(() -> add.invoke(null, 1, 2, 3));
        expect(() -> add.invoke(null, "x", 2));
        expect(() -> add.invoke(null, 1L, 2));
        expect(() -> add.invoke(null, 1.5, 2));
        expect(() -> add.invoke(null, null, 2));
        expect(() -> add.invoke(null, (Object[]) null));
        expect(() -> area.invoke(null));
        expect(() -> area.invoke("not a circle"));
        expect(() -> widen.invoke(null, 1, 2, 3, 4));
        expect(() -> flag.invoke(null, 1, (byte) 1, 1f));
        expect(() -> arrays.invoke(c, new Object[] {new Object[0], new int[0]}));
        expect(() -> arrays.invoke(c, null, null));
        Method parse = Integer.class.getMethod("parseInt", String.class);
        expect(() -> parse.invoke(null, "zz"));
        Method hidden = ReflectionPeer040.class.getDeclaredMethod("hidden", int.class);
        System.out.println("hidden " + hidden + " canAccess=" + hidden.canAccess(null));
        expect(() -> hidden.invoke(null, 2));
        hidden.setAccessible(true);
        System.out.println("after setAccessible canAccess=" + hidden.canAccess(null) + " isAccessible=" + hidden.isAccessible());
        expect(() -> hidden.invoke(null, 2));
        Method open = ReflectionPeer040.class.getDeclaredMethod("open");
        System.out.println("open canAccess=" + open.canAccess(new ReflectionPeer040()) + " trySetAccessible=" + open.trySetAccessible());
        expect(() -> open.canAccess(null));
        expect(() -> hidden.canAccess(new ReflectionPeer040()));
        Method packagePrivate = ReflectionPeer040.class.getDeclaredMethod("pkg");
        System.out.println("package-private canAccess=" + packagePrivate.canAccess(new ReflectionPeer040()) + " -> "
                + packagePrivate.invoke(new ReflectionPeer040()));
        Method[] both = {ReflectionPeer040.class.getDeclaredMethod("open"), ReflectionPeer040.class.getDeclaredMethod("pkg")};
        AccessibleObject.setAccessible(both, true);
        System.out.println("static setAccessible " + both[0].canAccess(new ReflectionPeer040()));
    }

    static void constructors() throws Exception {
        System.out.println("== constructors");
        System.out.println("declared\n  " + sorted(Circle.class.getDeclaredConstructors()));
        System.out.println("public\n  " + sorted(Circle.class.getConstructors()));
        System.out.println("Base " + sorted(Base.class.getDeclaredConstructors()) + " | Shape "
                + Shape.class.getDeclaredConstructors().length + " | int[] " + int[].class.getConstructors().length
                + " | int " + int.class.getDeclaredConstructors().length);
        Constructor<Circle> k = Circle.class.getConstructor(double.class);
        System.out.println(k + " params=" + Arrays.toString(k.getParameterTypes()) + " count=" + k.getParameterCount()
                + " mods=" + k.getModifiers() + " name=" + k.getName() + " decl=" + k.getDeclaringClass().getSimpleName());
        Circle c = k.newInstance(2.5);
        System.out.println("newInstance area=" + c.area() + " created=" + Circle.created);
        System.out.println("widened arg area=" + k.newInstance(2).area());
        Constructor<Circle> priv = Circle.class.getDeclaredConstructor(String.class, int.class);
        System.out.println(priv + " -> " + priv.newInstance("tagged", 4).name());
        System.out.println("equals " + priv.equals(Circle.class.getDeclaredConstructor(String.class, int.class))
                + " hash " + priv.hashCode() + " vs public " + priv.equals(k));
        System.out.println("no-arg " + Circle.class.getDeclaredConstructor().newInstance().r);
        expect(() -> Circle.class.getConstructor(String.class, int.class));
        expect(() -> Circle.class.getDeclaredConstructor(int.class));
        expect(() -> Boom.class.getDeclaredConstructor().newInstance());
        expect(() -> Abs.class.getConstructor().newInstance());
        expect(() -> k.newInstance());
        expect(() -> k.newInstance("x"));
        expect(() -> Color.class.getDeclaredConstructors()[0].newInstance("BLUE", 2));
        System.out.println("enum ctor " + Color.class.getDeclaredConstructors()[0]);
        expect(() -> ReflectionPeer040.class.getDeclaredConstructor(String.class).newInstance("x"));
        System.out.println("String ctor " + String.class.getConstructor(char[].class).newInstance((Object) new char[] {'h', 'i'}));
        System.out.println("StringBuilder ctor " + StringBuilder.class.getConstructor(String.class).newInstance("sb").append('!'));
        System.out.println("ArrayList ctor " + ArrayList.class.getConstructor().newInstance());
        System.out.println("exception ctor " + IllegalStateException.class.getConstructor(String.class).newInstance("made"));
        expect(() -> Integer.class.getConstructor(String.class).newInstance("nan"));
        @SuppressWarnings("deprecation")
        Object made = Circle.class.newInstance();
        System.out.println("Class.newInstance " + ((Circle) made).r);
    }

    static void fields() throws Exception {
        System.out.println("== fields");
        System.out.println("declared\n  " + sorted(Circle.class.getDeclaredFields()));
        Circle c = new Circle(3);
        Field r = Circle.class.getField("r");
        System.out.println("r=" + r.get(c) + " getDouble=" + r.getDouble(c));
        r.set(c, 4);
        r.setFloat(c, 1.5f);
        System.out.println("r now " + c.r + " equals " + r.equals(Circle.class.getDeclaredField("r")) + " same "
                + (r == Circle.class.getDeclaredField("r")) + " hash " + r.hashCode());
        Field b8 = Circle.class.getDeclaredField("b8");
        b8.setByte(c, (byte) 7);
        System.out.println("b8 getInt=" + b8.getInt(c) + " getLong=" + b8.getLong(c) + " getShort=" + b8.getShort(c));
        expect(() -> b8.getChar(c));
        expect(() -> { b8.setInt(c, 3); return null; });
        expect(() -> { b8.set(c, 3); return null; });
        expect(() -> { b8.set(c, null); return null; });
        Field ch = Circle.class.getDeclaredField("ch");
        System.out.println("ch getInt=" + ch.getInt(c) + " get=" + ch.get(c));
        expect(() -> ch.getShort(c));
        Field boxed = Circle.class.getDeclaredField("boxed");
        expect(() -> boxed.getInt(c));
        expect(() -> { boxed.setInt(c, 1); return null; });
        expect(() -> { boxed.set(c, "str"); return null; });
        boxed.set(c, 11);
        System.out.println("boxed " + c.boxed);
        Field fin = Circle.class.getField("fin");
        expect(() -> { fin.set(c, 6); return null; });
        expect(() -> { fin.setInt(c, 6); return null; });
        fin.setAccessible(true);
        fin.set(c, 6);
        System.out.println("fin via reflection " + fin.get(c));
        Field constLike = Circle.class.getField("CONST_LIKE");
        constLike.setAccessible(true);
        expect(() -> { constLike.set(null, "changed"); return null; });
        expect(() -> r.get("not a circle"));
        expect(() -> r.get(null));
        Field created = Circle.class.getField("created");
        System.out.println("static " + created.get(null) + " " + created.get("ignored receiver"));
        Field tv = Circle.class.getDeclaredField("tv");
        System.out.println("tv " + tv + " mods=" + Modifier.toString(tv.getModifiers()));
        Field hiddenField = ReflectionPeer040.class.getDeclaredField("secretValue");
        expect(() -> hiddenField.get(new ReflectionPeer040()));
        expect(() -> { hiddenField.set(new ReflectionPeer040(), "x"); return null; });
        System.out.println("canAccess " + hiddenField.canAccess(new ReflectionPeer040()));
        hiddenField.setAccessible(true);
        System.out.println("after setAccessible " + hiddenField.get(new ReflectionPeer040()));
        System.out.println("synthetic " + tv.isSynthetic() + " enumConstant " + Color.class.getField("RED").isEnumConstant()
                + " " + tv.isEnumConstant());
        System.out.println("annotation " + r.getAnnotation(Deprecated.class) + " " + r.getAnnotations().length + " "
                + r.isAnnotationPresent(Deprecated.class) + " class " + Circle.class.getAnnotation(Deprecated.class));
    }

    static String describeClass(Class<?> k) {
        return k.getName() + " simple=" + k.getSimpleName() + " anon=" + k.isAnonymousClass() + " local=" + k.isLocalClass()
                + " member=" + k.isMemberClass() + " enclosing=" + name(k.getEnclosingClass()) + " declaring="
                + name(k.getDeclaringClass()) + " mods=" + Integer.toHexString(k.getModifiers()) + "("
                + Modifier.toString(k.getModifiers()) + ") synthetic=" + k.isSynthetic() + " canonical="
                + k.getCanonicalName() + " enclosingMethod=" + k.getEnclosingMethod() + " enclosingCtor="
                + k.getEnclosingConstructor();
    }

    static String name(Class<?> k) {
        return k == null ? "null" : k.getName();
    }

    static void classQueries() {
        System.out.println("== class queries");
        class Local {
        }
        Object anon = new Object() {
            @Override
            public String toString() {
                return "anon";
            }
        };
        Runnable anonRunnable = new Runnable() {
            public void run() {
            }
        };
        for (Class<?> k : new Class<?>[] {G040_Reflection.class, Circle.class, Shape.class, Base.class, Abs.class, Color.class,
            Local.class, anon.getClass(), anonRunnable.getClass(), InnerNonStatic.class, Outer.Inner.class, Pair.class,
            int.class, int[].class, Circle[].class, String.class, Map.Entry.class, Object.class, Thread.State.class,
            ReflectionPeer040.class}) {
            System.out.println(describeClass(k));
        }
        System.out.println("interfaces " + Arrays.toString(Circle.class.getInterfaces()) + " "
                + Arrays.toString(Shape.class.getInterfaces()) + " " + Arrays.toString(int[].class.getInterfaces()) + " "
                + Arrays.toString(int.class.getInterfaces()) + " " + Arrays.toString(String.class.getInterfaces()));
        System.out.println("isRecord " + Circle.class.isRecord() + " " + String.class.isRecord());
    }

    static String typeInfo(Type t) {
        if (t == null) {
            return "null";
        }
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            StringBuilder sb = new StringBuilder("P[raw=" + p.getRawType() + " owner=" + p.getOwnerType() + " args=");
            for (Type a : p.getActualTypeArguments()) {
                sb.append(typeInfo(a)).append(';');
            }
            return sb.append(']').toString();
        }
        if (t instanceof TypeVariable) {
            TypeVariable<?> v = (TypeVariable<?>) t;
            return "V[" + v.getName() + " bounds=" + Arrays.toString(v.getBounds()) + " decl=" + v.getGenericDeclaration() + "]";
        }
        if (t instanceof WildcardType) {
            WildcardType w = (WildcardType) t;
            return "W[" + Arrays.toString(w.getUpperBounds()) + " " + Arrays.toString(w.getLowerBounds()) + "]";
        }
        if (t instanceof GenericArrayType) {
            return "A[" + typeInfo(((GenericArrayType) t).getGenericComponentType()) + "]";
        }
        return "C[" + t + "]";
    }

    static void generics() throws Exception {
        System.out.println("== generics");
        List<String> lines = new ArrayList<>();
        for (Field f : Pair.class.getDeclaredFields()) {
            if (!f.isSynthetic()) {
                Type g = f.getGenericType();
                lines.add(f.getName() + ": " + g + " | " + g.getTypeName() + " | " + typeInfo(g));
            }
        }
        for (Field f : Outer.class.getDeclaredFields()) {
            if (!f.isSynthetic()) {
                lines.add(f.getName() + ": " + f.getGenericType() + " | " + typeInfo(f.getGenericType()));
            }
        }
        System.out.println(sorted(lines.toArray()));
        System.out.println("Pair params " + Arrays.toString(Pair.class.getTypeParameters()) + " bounds of B "
                + Arrays.toString(Pair.class.getTypeParameters()[1].getBounds()));
        System.out.println("Pair super " + Pair.class.getGenericSuperclass() + " ifaces " + Arrays.toString(Pair.class.getGenericInterfaces()));
        ParameterizedType cmp = (ParameterizedType) Pair.class.getGenericInterfaces()[0];
        ParameterizedType self = (ParameterizedType) cmp.getActualTypeArguments()[0];
        TypeVariable<?> a = Pair.class.getTypeParameters()[0];
        System.out.println("tv equals " + a.equals(self.getActualTypeArguments()[0]) + " hashEq "
                + (a.hashCode() == self.getActualTypeArguments()[0].hashCode()) + " decl==Pair " + (a.getGenericDeclaration() == Pair.class)
                + " name " + a.getName() + " typeName " + a.getTypeName());
        System.out.println("ptype equals " + Pair.class.getDeclaredField("entry").getGenericType().equals(
                Pair.class.getDeclaredField("entry").getGenericType()) + " hashEq "
                + (Pair.class.getDeclaredField("entry").getGenericType().hashCode()
                   == Pair.class.getDeclaredField("entry").getGenericType().hashCode())
                + " vs nested " + Pair.class.getDeclaredField("entry").getGenericType().equals(
                Pair.class.getDeclaredField("nested").getGenericType()));
        Method max = Pair.class.getDeclaredMethod("max", List.class, Object.class);
        System.out.println("max " + max + " generic ret " + max.getGenericReturnType() + " params "
                + Arrays.toString(max.getGenericParameterTypes()) + " tparams " + Arrays.toString(max.getTypeParameters())
                + " bound " + Arrays.toString(max.getTypeParameters()[0].getBounds()) + " decl "
                + ((TypeVariable<?>) max.getGenericReturnType()).getGenericDeclaration());
        System.out.println("compareTo generic " + Arrays.toString(Pair.class.getMethod("compareTo", Pair.class).getGenericParameterTypes()));
        System.out.println("StringList super " + StringList.class.getGenericSuperclass() + " | " + typeInfo(StringList.class.getGenericSuperclass()));
        System.out.println("Circle super " + Circle.class.getGenericSuperclass() + " ifaces " + Arrays.toString(Circle.class.getGenericInterfaces()));
        System.out.println("Shape super " + Shape.class.getGenericSuperclass() + " Object super " + Object.class.getGenericSuperclass()
                + " int super " + int.class.getGenericSuperclass() + " int[] super " + int[].class.getGenericSuperclass());
        System.out.println("no params " + Circle.class.getTypeParameters().length + " " + int.class.getTypeParameters().length);
        System.out.println("String ifaces " + Arrays.toString(String.class.getGenericInterfaces()));
        System.out.println("List params " + Arrays.toString(List.class.getTypeParameters()) + " ifaces "
                + Arrays.toString(List.class.getGenericInterfaces()) + " | " + typeInfo(List.class.getGenericInterfaces()[0]));
        System.out.println("Enum " + Color.class.getGenericSuperclass() + " | " + typeInfo(Color.class.getGenericSuperclass()));
        Type captured = new TypeCapture<Map<String, List<Integer>>>() { }.captured();
        System.out.println("captured " + captured + " | " + typeInfo(captured));
        Type capturedArray = new TypeCapture<String[]>() { }.captured();
        Type capturedGenericArray = new TypeCapture<List<String>[]>() { }.captured();
        System.out.println("captured arrays " + capturedArray + " | " + typeInfo(capturedArray) + " | " + capturedGenericArray
                + " | " + typeInfo(capturedGenericArray));
        Type viaField = Pair.class.getDeclaredField("nested").getGenericType();
        System.out.println("captured equals field " + captured.equals(viaField) + " reverse " + viaField.equals(captured));
    }

    static void annotations() throws Exception {
        System.out.println("== annotations");
        Marker marker = Annotated.class.getAnnotation(Marker.class);
        System.out.println(marker + " color=" + marker.color() + " kind=" + marker.kind() + " type=" + marker.annotationType()
                + " present=" + Annotated.class.isAnnotationPresent(Marker.class));
        Marker inherited = SubAnnotated.class.getAnnotation(Marker.class);
        System.out.println("inherited same=" + (inherited == marker) + " declared=" + SubAnnotated.class.getDeclaredAnnotation(Marker.class)
                + " present=" + SubAnnotated.class.isAnnotationPresent(Marker.class) + " all=" + SubAnnotated.class.getAnnotations().length
                + " declaredAll=" + SubAnnotated.class.getDeclaredAnnotations().length + " " + Arrays.toString(Annotated.class.getAnnotations()));
        Tag f = Annotated.class.getDeclaredField("f").getAnnotation(Tag.class);
        System.out.println(f + " value=" + f.value() + " weight=" + f.weight() + " aliases=" + Arrays.toString(f.aliases())
                + " cloned=" + (f.aliases() != f.aliases()) + " hash=" + f.hashCode() + " same=" + (f == Annotated.class.getDeclaredField("f").getAnnotation(Tag.class)));
        f.aliases()[0] = "changed";
        System.out.println("after changing a copy " + Arrays.toString(f.aliases()));
        Tag g = Annotated.class.getDeclaredField("g").getAnnotation(Tag.class);
        Tag g2 = Annotated.class.getDeclaredField("g2").getAnnotation(Tag.class);
        System.out.println(g + " equals g2 " + g.equals(g2) + " hashEq " + (g.hashCode() == g2.hashCode()) + " hash " + g.hashCode()
                + " equals f " + g.equals(f) + " same " + (g == g2) + " equals string " + g.equals("x"));
        System.out.println("hidden " + Annotated.class.getDeclaredField("hidden").getAnnotation(ClassRetained.class) + " "
                + Annotated.class.getDeclaredField("hidden").getAnnotations().length + " plain field "
                + Circle.class.getDeclaredField("r").getAnnotations().length);
        Method m = Annotated.class.getMethod("m");
        Deprecated dep = m.getAnnotation(Deprecated.class);
        System.out.println(m.getAnnotation(Tag.class) + " " + dep + " since=\"" + dep.since() + "\" forRemoval=" + dep.forRemoval()
                + " present " + m.isAnnotationPresent(Tag.class) + " " + m.isAnnotationPresent(Marker.class));
        Kinds k = Annotated.class.getDeclaredConstructor().getAnnotation(Kinds.class);
        // Not k.toString(): two of its defaults share a HashMap bucket, so the JDK's member order is
        // HotSpot's method order (the VM stops rather than guess); the nested one is printed instead.
        System.out.println(k.nested());
        System.out.println("kinds b=" + k.b() + " c=" + k.c() + " l=" + k.l() + " f=" + k.f() + " d=" + k.d() + " s=" + k.s()
                + " str=" + k.str() + " ia=" + Arrays.toString(k.ia()) + " nested=" + k.nested().value() + " colors="
                + Arrays.toString(k.colors()) + " ks=" + Arrays.toString(k.ks()) + " z=" + k.z() + " where=" + k.where()
                + " equalsSelf=" + k.equals(k));
        System.out.println("library " + Runnable.class.getAnnotation(FunctionalInterface.class) + " "
                + Runnable.class.isAnnotationPresent(FunctionalInterface.class) + " " + String.class.getAnnotation(Tag.class)
                + " " + Object.class.getAnnotations().length);
    }

    static void unsafe() throws Exception {
        System.out.println("== unsafe");
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field f = unsafeClass.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Object unsafe = f.get(null);
        Method allocate = unsafeClass.getMethod("allocateInstance", Class.class);
        NoDefault nd = (NoDefault) allocate.invoke(unsafe, NoDefault.class);
        System.out.println("allocated x=" + nd.x + " s=" + nd.s + " class " + nd.getClass().getSimpleName());
        expect(() -> allocate.invoke(unsafe, Shape.class));
        expect(() -> allocate.invoke(unsafe, Abs.class));
        expect(() -> unsafeClass.getMethod("getUnsafe").invoke(null));
        System.out.println("same unsafe " + (f.get(null) == unsafe) + " " + Modifier.toString(f.getModifiers()) + " "
                + f.getType().getName());
    }
}

/** A separate top-level class: not a nestmate of G040_Reflection, so its private members are inaccessible. */
class ReflectionPeer040 {
    private String secretValue = "secret";

    ReflectionPeer040() {
    }

    private ReflectionPeer040(String s) {
        secretValue = s;
    }

    private static int hidden(int x) {
        return x * 21;
    }

    public String open() {
        return "open";
    }

    String pkg() {
        return "package-private";
    }
}
