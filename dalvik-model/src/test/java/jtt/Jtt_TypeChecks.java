package jtt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** check-cast and instance-of: classes, interfaces, arrays (covariance, primitive arrays, Cloneable/Serializable), null, ClassCastException. */
public final class Jtt_TypeChecks {
    public static final Object[][] ARGS = { {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9} };

    interface Animal { String sound(); }
    static class Dog implements Animal { public String sound() { return "woof"; } }
    static class Puppy extends Dog { public String sound() { return "yip"; } }
    static class Rock { }

    static Object pick(int k) {
        switch (k) {
            case 0: return new Dog();
            case 1: return new Puppy();
            case 2: return new Rock();
            case 3: return "str";
            case 4: return new int[] { 1 };
            case 5: return new String[] { "a" };
            case 6: return new Dog[] { new Puppy() };
            case 7: return new int[1][1];
            case 8: return 42;
            default: return null;
        }
    }

    public static String testInstanceOf(int k) {
        Object o = pick(k);
        StringBuilder sb = new StringBuilder();
        sb.append(o instanceof Object ? 'O' : '-');
        sb.append(o instanceof Animal ? 'A' : '-');
        sb.append(o instanceof Dog ? 'D' : '-');
        sb.append(o instanceof Puppy ? 'P' : '-');
        sb.append(o instanceof CharSequence ? 'C' : '-');
        sb.append(o instanceof Comparable ? 'c' : '-');
        sb.append(o instanceof int[] ? 'i' : '-');
        sb.append(o instanceof Object[] ? 'o' : '-');
        sb.append(o instanceof String[] ? 's' : '-');
        sb.append(o instanceof Animal[] ? 'a' : '-');
        sb.append(o instanceof Cloneable ? 'k' : '-');
        sb.append(o instanceof Serializable ? 'z' : '-');
        sb.append(o instanceof int[][] ? '2' : '-');
        sb.append(o instanceof Number ? 'n' : '-');
        return sb.toString();
    }

    public static String testCheckCast(int k) {
        Object o = pick(k);
        StringBuilder sb = new StringBuilder();
        try { Animal a = (Animal) o; sb.append(a == null ? "null" : a.sound()); } catch (ClassCastException e) { sb.append("CCE"); }
        sb.append(' ');
        try { Object[] a = (Object[]) o; sb.append(a == null ? "null" : a.length); } catch (ClassCastException e) { sb.append("CCE"); }
        sb.append(' ');
        try { String s = (String) o; sb.append(s); } catch (ClassCastException e) { sb.append("CCE"); }
        sb.append(' ');
        try { Puppy p = (Puppy) o; sb.append(p == null ? "null" : "pup"); } catch (ClassCastException e) { sb.append("CCE"); }
        return sb.toString();
    }

    public static String testCceClass(int k) {
        try {
            Integer i = (Integer) pick(k);
            return "ok " + i;
        } catch (ClassCastException e) {
            return e.getClass().getName();
        }
    }

    public static String testPatternMatching(int k) {
        Object o = pick(k);
        if (o instanceof String s && s.length() == 3) return "string " + s;
        if (o instanceof Integer i) return "int " + (i + 1);
        if (o instanceof Dog d) return "dog " + d.sound();
        if (o instanceof int[] arr) return "int[] " + arr.length;
        return "other";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String testGenericErasure(int k) {
        List raw = new ArrayList();
        raw.add(pick(k));
        List<String> strs = raw;
        try {
            String s = strs.get(0);             // implicit check-cast
            return "got " + s;
        } catch (ClassCastException e) {
            return "CCE";
        }
    }

    public static boolean testIsInstanceReflect(int k) {
        Object o = pick(k);
        return Animal.class.isInstance(o) || Object[].class.isInstance(o);
    }

    public static String testArrayCovariance(int k) {
        Dog[] dogs = new Puppy[2];
        Animal[] animals = dogs;
        Object[] objs = animals;
        StringBuilder sb = new StringBuilder();
        sb.append(objs instanceof Puppy[]).append(objs instanceof Animal[]).append(objs.getClass().getComponentType().getSimpleName());
        try { objs[0] = new Dog(); sb.append(" stored"); } catch (ArrayStoreException e) { sb.append(" ASE"); }
        try { objs[1] = new Puppy(); sb.append(" stored"); } catch (ArrayStoreException e) { sb.append(" ASE"); }
        return sb.toString();
    }
}
