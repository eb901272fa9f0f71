package golden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tiny language: tokenizer, recursive-descent parser to an AST, tree-walking interpreter with variables, if/while, functions. */
public class G013_MiniInterpreter {
    // ---- lexer
    enum T { NUM, ID, OP, LP, RP, LB, RB, SEMI, COMMA, EOF }
    record Tok(T t, String s) { }
    static List<Tok> lex(String src) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (Character.isDigit(c)) { int j = i; while (j < src.length() && Character.isDigit(src.charAt(j))) j++; out.add(new Tok(T.NUM, src.substring(i, j))); i = j; continue; }
            if (Character.isLetter(c)) { int j = i; while (j < src.length() && Character.isLetterOrDigit(src.charAt(j))) j++; out.add(new Tok(T.ID, src.substring(i, j))); i = j; continue; }
            if (i + 1 < src.length() && "== != <= >= && ||".contains(src.substring(i, i + 2)) && src.charAt(i + 1) != ' ') { out.add(new Tok(T.OP, src.substring(i, i + 2))); i += 2; continue; }
            switch (c) {
                case '(': out.add(new Tok(T.LP, "(")); break;
                case ')': out.add(new Tok(T.RP, ")")); break;
                case '{': out.add(new Tok(T.LB, "{")); break;
                case '}': out.add(new Tok(T.RB, "}")); break;
                case ';': out.add(new Tok(T.SEMI, ";")); break;
                case ',': out.add(new Tok(T.COMMA, ",")); break;
                case '+': case '-': case '*': case '/': case '%': case '<': case '>': case '=': case '!': out.add(new Tok(T.OP, String.valueOf(c))); break;
                default: throw new IllegalArgumentException("bad char '" + c + "' at " + i);
            }
            i++;
        }
        out.add(new Tok(T.EOF, ""));
        return out;
    }

    // ---- AST
    interface Node { long eval(Env e); }
    static final class Env {
        final Map<String, Long> vars = new HashMap<>(); final Env parent; final Map<String, Fn> fns;
        Env(Env parent, Map<String, Fn> fns) { this.parent = parent; this.fns = fns; }
        long get(String n) { Env e = this; while (e != null) { Long v = e.vars.get(n); if (v != null) return v; e = e.parent; } throw new RuntimeException("undefined " + n); }
        void set(String n, long v) { Env e = this; while (e != null) { if (e.vars.containsKey(n)) { e.vars.put(n, v); return; } e = e.parent; } vars.put(n, v); }
    }
    record Fn(List<String> params, Node body) { }
    static final class Return extends RuntimeException { final long v; Return(long v) { super(null, null, false, false); this.v = v; } }
    static final StringBuilder OUT = new StringBuilder();

    // ---- parser
    static final class Parser {
        final List<Tok> toks; int p; final Map<String, Fn> fns = new HashMap<>();
        Parser(List<Tok> t) { toks = t; }
        Tok peek() { return toks.get(p); }
        Tok next() { return toks.get(p++); }
        boolean is(String s) { return peek().s().equals(s); }
        void expect(String s) { Tok t = next(); if (!t.s().equals(s)) throw new IllegalStateException("expected " + s + " got '" + t.s() + "'"); }
        Node program() { List<Node> ss = new ArrayList<>(); while (peek().t() != T.EOF) ss.add(stmt()); return block(ss); }
        static Node block(List<Node> ss) { return e -> { long v = 0; for (Node n : ss) v = n.eval(e); return v; }; }
        Node stmt() {
            if (is("{")) { next(); List<Node> ss = new ArrayList<>(); while (!is("}")) ss.add(stmt()); next(); return block(ss); }
            if (is("if")) { next(); expect("("); Node c = expr(); expect(")"); Node t = stmt(); Node f = null; if (is("else")) { next(); f = stmt(); } Node ff = f;
                return e -> c.eval(e) != 0 ? t.eval(e) : ff == null ? 0 : ff.eval(e); }
            if (is("while")) { next(); expect("("); Node c = expr(); expect(")"); Node b = stmt(); return e -> { long n = 0; while (c.eval(e) != 0) { b.eval(e); n++; } return n; }; }
            if (is("print")) { next(); Node x = expr(); expect(";"); return e -> { long v = x.eval(e); OUT.append(v).append('\n'); return v; }; }
            if (is("return")) { next(); Node x = expr(); expect(";"); return e -> { throw new Return(x.eval(e)); }; }
            if (is("fn")) {
                next(); String name = next().s(); expect("("); List<String> ps = new ArrayList<>();
                while (!is(")")) { ps.add(next().s()); if (is(",")) next(); }
                next(); Node body = stmt(); fns.put(name, new Fn(ps, body)); return e -> 0;
            }
            if (peek().t() == T.ID && toks.get(p + 1).s().equals("=")) { String n = next().s(); next(); Node x = expr(); expect(";"); return e -> { long v = x.eval(e); e.set(n, v); return v; }; }
            Node x = expr(); expect(";"); return x;
        }
        Node expr() { return binary(0); }
        static final String[][] LEVELS = { { "||" }, { "&&" }, { "==", "!=" }, { "<", ">", "<=", ">=" }, { "+", "-" }, { "*", "/", "%" } };
        Node binary(int level) {
            if (level == LEVELS.length) return unary();
            Node left = binary(level + 1);
            outer:
            while (true) {
                for (String op : LEVELS[level]) {
                    if (peek().t() == T.OP && is(op)) {
                        next(); Node l = left, r = binary(level + 1);
                        left = switch (op) {
                            case "||" -> e -> l.eval(e) != 0 || r.eval(e) != 0 ? 1 : 0;
                            case "&&" -> e -> l.eval(e) != 0 && r.eval(e) != 0 ? 1 : 0;
                            case "==" -> e -> l.eval(e) == r.eval(e) ? 1 : 0;
                            case "!=" -> e -> l.eval(e) != r.eval(e) ? 1 : 0;
                            case "<" -> e -> l.eval(e) < r.eval(e) ? 1 : 0;
                            case ">" -> e -> l.eval(e) > r.eval(e) ? 1 : 0;
                            case "<=" -> e -> l.eval(e) <= r.eval(e) ? 1 : 0;
                            case ">=" -> e -> l.eval(e) >= r.eval(e) ? 1 : 0;
                            case "+" -> e -> l.eval(e) + r.eval(e);
                            case "-" -> e -> l.eval(e) - r.eval(e);
                            case "*" -> e -> l.eval(e) * r.eval(e);
                            case "/" -> e -> l.eval(e) / r.eval(e);
                            default -> e -> l.eval(e) % r.eval(e);
                        };
                        continue outer;
                    }
                }
                return left;
            }
        }
        Node unary() {
            if (is("-")) { next(); Node x = unary(); return e -> -x.eval(e); }
            if (is("!")) { next(); Node x = unary(); return e -> x.eval(e) == 0 ? 1 : 0; }
            return primary();
        }
        Node primary() {
            Tok t = next();
            switch (t.t()) {
                case NUM: { long v = Long.parseLong(t.s()); return e -> v; }
                case LP: { Node x = expr(); expect(")"); return x; }
                case ID: {
                    if (is("(")) {
                        next(); List<Node> args = new ArrayList<>();
                        while (!is(")")) { args.add(expr()); if (is(",")) next(); }
                        next();
                        String name = t.s();
                        return e -> {
                            Fn f = e.fns.get(name);
                            if (f == null) throw new RuntimeException("no function " + name);
                            Env local = new Env(null, e.fns);
                            for (int i = 0; i < f.params().size(); i++) local.vars.put(f.params().get(i), args.get(i).eval(e));
                            try { return f.body().eval(local); } catch (Return r) { return r.v; }
                        };
                    }
                    String n = t.s(); return e -> e.get(n);
                }
                default: throw new IllegalStateException("unexpected '" + t.s() + "'");
            }
        }
    }

    static void run(String name, String src) {
        OUT.setLength(0);
        try {
            Parser p = new Parser(lex(src));
            Node prog = p.program();
            long v = prog.eval(new Env(null, p.fns));
            System.out.print("== " + name + " => " + v + "\n" + OUT);
        } catch (RuntimeException e) {
            System.out.print("== " + name + " !! " + e.getClass().getSimpleName() + ": " + e.getMessage() + "\n" + OUT);
        }
    }

    public static void main(String[] args) {
        run("arith", "x = 2 + 3 * 4 - (10 - 4) / 3; print x; print -x % 5; print 1 < 2 && 2 < 1 || !0;");
        run("loop", "i = 0; s = 0; while (i < 100) { s = s + i * i; i = i + 1; } print s;");
        run("fib", "fn fib(n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); } print fib(20); print fib(1);");
        run("gcd", "fn gcd(a, b) { while (b != 0) { t = b; b = a % b; a = t; } return a; } print gcd(1071, 462); print gcd(17, 5);");
        run("primes", "n = 2; c = 0; while (n < 60) { d = 2; p = 1; while (d * d <= n) { if (n % d == 0) p = 0; d = d + 1; } if (p) { print n; c = c + 1; } n = n + 1; } c;");
        run("collatz", "fn steps(n) { k = 0; while (n != 1) { if (n % 2 == 0) n = n / 2; else n = 3 * n + 1; k = k + 1; } return k; } print steps(27); print steps(97);");
        run("divzero", "a = 5; print a; print a / (a - 5);");
        run("undefined", "print y + 1;");
        run("syntax", "x = (1 + 2;");
        run("lexerr", "x = 1 $ 2;");
    }
}
