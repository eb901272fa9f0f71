package org.cometsim.dalvik.reflect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser of Java generic signatures (JVMS 4.7.9.1) as D8 keeps them in
 * {@code dalvik.annotation.Signature}: class, method and field signatures into a small immutable
 * tree. {@link GuestTypes} turns the tree into guest {@code java.lang.reflect.Type} values; the
 * split keeps type-variable bounds lazy, as the JDK's reflective factory does.
 */
final class GenericSignatures {
    private GenericSignatures() {
    }

    /** A type in a signature. */
    sealed interface Sig permits Prim, TVar, Arr, ClassSig {
    }

    /** A primitive (or {@code V}) type. */
    record Prim(char kind) implements Sig {
    }

    /** A type variable reference {@code TName;}. */
    record TVar(String name) implements Sig {
    }

    /** An array type. */
    record Arr(Sig component) implements Sig {
    }

    /** {@code Lpkg/Outer<...>.Inner<...>;}: the path of simple class type signatures. */
    record ClassSig(List<Simple> path) implements Sig {
    }

    /** One element of a class type path: its name ({@code pkg/Outer} for the first) and type arguments. */
    record Simple(String name, List<Arg> args) {
    }

    /** A type argument: {@code wildcard} is 0 (exact), {@code '*'}, {@code '+'} (extends) or {@code '-'} (super). */
    record Arg(char wildcard, Sig sig) {
    }

    /** A formal type parameter with its bounds (class bound first if present). */
    record Formal(String name, List<Sig> bounds) {
    }

    record ClassSignature(List<Formal> formals, Sig superclass, List<Sig> interfaces) {
    }

    record MethodSignature(List<Formal> formals, List<Sig> params, Sig ret, List<Sig> exceptions) {
    }

    static ClassSignature parseClass(String s) {
        Parser p = new Parser(s);
        List<Formal> formals = p.formals();
        Sig sup = p.fieldType();
        List<Sig> ifs = new ArrayList<>();
        while (!p.atEnd()) {
            ifs.add(p.fieldType());
        }
        return new ClassSignature(formals, sup, ifs);
    }

    static MethodSignature parseMethod(String s) {
        Parser p = new Parser(s);
        List<Formal> formals = p.formals();
        p.expect('(');
        List<Sig> params = new ArrayList<>();
        while (p.peek() != ')') {
            params.add(p.type());
        }
        p.expect(')');
        Sig ret = p.type();
        List<Sig> ex = new ArrayList<>();
        while (!p.atEnd()) {
            p.expect('^');
            ex.add(p.fieldType());
        }
        return new MethodSignature(formals, params, ret, ex);
    }

    static Sig parseField(String s) {
        Parser p = new Parser(s);
        Sig t = p.fieldType();
        if (!p.atEnd()) {
            throw p.error("trailing characters");
        }
        return t;
    }

    /** Thrown for a signature the parser cannot read (the JDK throws GenericSignatureFormatError). */
    static final class FormatError extends RuntimeException {
        FormatError(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i);
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        FormatError error(String what) {
            return new FormatError(what + " at " + i + " in signature " + s);
        }

        List<Formal> formals() {
            List<Formal> out = new ArrayList<>();
            if (atEnd() || peek() != '<') {
                return out;
            }
            i++;
            while (peek() != '>') {
                int colon = s.indexOf(':', i);
                if (colon < 0) {
                    throw error("formal type parameter without bound");
                }
                String name = s.substring(i, colon);
                i = colon;
                List<Sig> bounds = new ArrayList<>();
                expect(':');
                if (peek() != ':') {
                    bounds.add(fieldType()); // class bound
                }
                while (peek() == ':') {
                    i++;
                    bounds.add(fieldType()); // interface bounds
                }
                out.add(new Formal(name, bounds));
            }
            i++;
            return out;
        }

        Sig type() {
            char c = peek();
            if ("BCDFIJSZV".indexOf(c) >= 0) {
                i++;
                return new Prim(c);
            }
            return fieldType();
        }

        Sig fieldType() {
            char c = peek();
            switch (c) {
                case 'L':
                    return classType();
                case 'T': {
                    int semi = s.indexOf(';', i);
                    if (semi < 0) {
                        throw error("unterminated type variable");
                    }
                    String name = s.substring(i + 1, semi);
                    i = semi + 1;
                    return new TVar(name);
                }
                case '[':
                    i++;
                    return new Arr(type());
                default:
                    throw error("unexpected '" + c + "'");
            }
        }

        private ClassSig classType() {
            expect('L');
            List<Simple> path = new ArrayList<>();
            path.add(simple());
            while (peek() == '.') {
                i++;
                path.add(simple());
            }
            expect(';');
            return new ClassSig(path);
        }

        private Simple simple() {
            int start = i;
            while (true) {
                char c = peek();
                if (c == '<' || c == '.' || c == ';') {
                    break;
                }
                i++;
            }
            String name = s.substring(start, i);
            List<Arg> args = new ArrayList<>();
            if (peek() == '<') {
                i++;
                while (peek() != '>') {
                    char c = peek();
                    if (c == '*') {
                        i++;
                        args.add(new Arg('*', null));
                    } else if (c == '+' || c == '-') {
                        i++;
                        args.add(new Arg(c, fieldType()));
                    } else {
                        args.add(new Arg((char) 0, fieldType()));
                    }
                }
                i++;
            }
            return new Simple(name, args);
        }
    }
}
