package golden;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Records (desugared with RecordTag) and enums: values/valueOf/ordinal/switch, constant-specific bodies, EnumMap. */
public class G009_RecordsEnums {
    record Point(int x, int y) {
        Point { if (x < -1000) throw new IllegalArgumentException("x too small: " + x); }
        Point plus(Point o) { return new Point(x + o.x, y + o.y); }
        int manhattan() { return Math.abs(x) + Math.abs(y); }
        static Point origin() { return new Point(0, 0); }
    }
    record Line(Point from, Point to, String label) { }

    enum Suit { CLUBS('c'), DIAMONDS('d'), HEARTS('h'), SPADES('s'); final char sym; Suit(char s) { sym = s; } boolean red() { return this == DIAMONDS || this == HEARTS; } }
    enum Rank { TWO, THREE, FOUR, FIVE, SIX, SEVEN, EIGHT, NINE, TEN, JACK, QUEEN, KING, ACE;
        int value() { return switch (this) { case JACK, QUEEN, KING -> 10; case ACE -> 11; default -> ordinal() + 2; }; } }
    enum Op {
        PLUS("+") { int apply(int a, int b) { return a + b; } },
        MINUS("-") { int apply(int a, int b) { return a - b; } },
        TIMES("*") { int apply(int a, int b) { return a * b; } };
        final String sym;
        Op(String s) { sym = s; }
        abstract int apply(int a, int b);
    }
    record Card(Rank rank, Suit suit) { @Override public String toString() { return rank.name().charAt(0) + "" + suit.sym; } }

    public static void main(String[] args) {
        Point p = new Point(3, -4), q = new Point(3, -4);
        System.out.println(p + " " + p.equals(q) + " " + (p == q) + " " + p.plus(new Point(1, 1)) + " " + p.manhattan() + " " + Point.origin() + " x=" + p.x());
        Line line = new Line(p, Point.origin(), "L1");
        System.out.println(line + " " + line.equals(new Line(q, new Point(0, 0), "L1")) + " " + line.equals(new Line(q, new Point(0, 0), "L2")));
        try { new Point(-2000, 0); } catch (IllegalArgumentException e) { System.out.println("compact ctor: " + e.getMessage()); }
        System.out.println("record is " + (p instanceof Record));   // D8 rewrites Record to com.android.tools.r8.RecordTag

        for (Suit s : Suit.values()) System.out.print(s + "/" + s.ordinal() + "/" + s.sym + "/" + s.red() + " ");
        System.out.println();
        System.out.println(Suit.valueOf("HEARTS").compareTo(Suit.CLUBS) + " " + Rank.valueOf("QUEEN").value() + " " + Rank.ACE.value() + " " + Rank.values().length);
        for (Op op : Op.values()) System.out.print("7" + op.sym + "3=" + op.apply(7, 3) + " ");
        System.out.println();
        List<Card> hand = new ArrayList<>();
        int seed = 17;
        for (int i = 0; i < 7; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; hand.add(new Card(Rank.values()[seed % 13], Suit.values()[(seed / 13) % 4])); }
        hand.sort((a, b) -> a.suit() != b.suit() ? a.suit().compareTo(b.suit()) : b.rank().compareTo(a.rank()));
        int total = 0;
        Map<Suit, Integer> bySuit = new EnumMap<>(Suit.class);
        for (Card c : hand) { total += c.rank().value(); bySuit.merge(c.suit(), 1, Integer::sum); }
        System.out.println("hand " + hand + " total " + total + " bySuit " + bySuit);
        for (Suit s : Suit.values()) {
            switch (s) {
                case CLUBS: System.out.print("club "); break;
                case HEARTS: System.out.print("heart "); break;
                default: System.out.print("other(" + s.name().toLowerCase() + ") ");
            }
        }
        System.out.println();
        try { Suit.valueOf("STARS"); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        System.out.println(Op.PLUS.getClass() == Op.class ? "same class" : "constant-specific class; declaring=" + Op.PLUS.getDeclaringClass().getSimpleName());
    }
}
