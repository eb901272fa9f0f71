package golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A library catalogue mixing features: sealed interfaces implemented by records, instanceof
 * patterns, interfaces with private and default methods, generic methods with bounded wildcards,
 * a hand-written Iterable (anonymous iterator), a builder, varargs, enum valueOf failures, an LRU
 * cache (LinkedHashMap access order and removeEldestEntry in an anonymous subclass), text blocks,
 * string and character processing, parse errors, labeled loops, finally ordering, records'
 * equals/hashCode/toString (the hash code values too: D8's desugared record hashCode differs), Objects.hash, custom exception toString, collectors.
 */
public class G091_LibraryCatalog {
    sealed interface Item permits Book, Dvd, Magazine {
        String title();

        default String label() {
            return kind() + ": " + title();
        }

        private String kind() {
            return getClass().getSimpleName().toLowerCase();
        }
    }

    record Book(String title, String author, int pages, Genre genre) implements Item {
    }

    record Dvd(String title, int minutes) implements Item {
    }

    record Magazine(String title, int issue) implements Item {
        @Override
        public String label() {
            return "magazine #" + issue + ": " + title;
        }
    }

    enum Genre { FICTION, SCIENCE, HISTORY, POETRY }

    static final class CatalogException extends RuntimeException {
        final int code;

        CatalogException(int code, String message) {
            super(message);
            this.code = code;
        }

        @Override
        public String toString() {
            return "CatalogException[" + code + "]: " + getMessage();
        }
    }

    /** A range of shelf numbers as an Iterable with an anonymous iterator. */
    static Iterable<Integer> shelves(int from, int to, int step) {
        return () -> new Iterator<>() {
            int next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("shelf " + next);
                }
                int n = next;
                next += step;
                return n;
            }
        };
    }

    static final class Query {
        private final List<Predicate<Item>> filters = new ArrayList<>();
        private Comparator<Item> order = Comparator.comparing(Item::title);
        private int limit = Integer.MAX_VALUE;

        static Query builder() {
            return new Query();
        }

        Query where(Predicate<Item> p) {
            filters.add(p);
            return this;
        }

        Query orderBy(Comparator<Item> c) {
            order = c;
            return this;
        }

        Query limit(int n) {
            limit = n;
            return this;
        }

        List<Item> run(List<? extends Item> items) {
            return items.stream().filter(i -> filters.stream().allMatch(f -> f.test(i))).sorted(order).limit(limit)
                    .collect(Collectors.toList());
        }
    }

    static <T extends Comparable<? super T>> T maxOf(List<? extends T> xs) {
        T best = null;
        for (T x : xs) {
            if (best == null || x.compareTo(best) > 0) {
                best = x;
            }
        }
        return best;
    }

    @SafeVarargs
    static <T> List<T> listOf(T... xs) {
        List<T> out = new ArrayList<>();
        Collections.addAll(out, xs);
        return out;
    }

    static String describe(Item item) {
        if (item instanceof Book b && b.pages() > 300) {
            return "long book by " + b.author();
        } else if (item instanceof Book b) {
            return "book (" + b.genre().name().charAt(0) + b.genre().name().substring(1).toLowerCase() + ")";
        } else if (item instanceof Dvd d) {
            return String.format("%dh%02dm film", d.minutes() / 60, d.minutes() % 60);
        }
        return "periodical";
    }

    static int parseShelf(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new CatalogException(400, "bad shelf '" + s + "' (" + e.getMessage() + ")");
        } finally {
            System.out.println("  parsed '" + s + "'");
        }
    }

    public static void main(String[] args) {
        String csv = """
                book;Dune;Herbert;412;FICTION
                book;Cosmos;Sagan;365;SCIENCE
                dvd;Metropolis;153
                magazine;Byte;42
                book;Odes;Keats;96;POETRY
                book;SPQR;Beard;608;HISTORY
                dvd;Alien;117
                book;Ficciones;Borges;174;FICTION
                """;
        List<Item> items = new ArrayList<>();
        for (String line : csv.strip().split("\n")) {
            String[] f = line.split(";");
            switch (f[0]) {
                case "book" -> items.add(new Book(f[1], f[2], Integer.parseInt(f[3]), Genre.valueOf(f[4])));
                case "dvd" -> items.add(new Dvd(f[1], Integer.parseInt(f[2])));
                case "magazine" -> items.add(new Magazine(f[1], Integer.parseInt(f[2])));
                default -> throw new CatalogException(500, "unknown kind " + f[0]);
            }
        }
        for (Item i : items) {
            System.out.println(i.label() + " -> " + describe(i));
        }
        System.out.println(items.get(0) + " " + items.get(0).equals(new Book("Dune", "Herbert", 412, Genre.FICTION))
                + " " + (items.get(0).hashCode() == new Book("Dune", "Herbert", 412, Genre.FICTION).hashCode())
                + " " + Objects.hash(1, "a", null) + " " + new Dvd("x", 1).hashCode() + " " + new Book("Dune", "Herbert", 412, null).hashCode() + " "
                + new Magazine(null, 3).hashCode());
        try {
            Genre.valueOf("Fiction");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }

        List<Item> longFiction = Query.builder().where(i -> i instanceof Book).where(i -> ((Book) i).pages() > 150)
                .orderBy(Comparator.comparingInt((Item i) -> ((Book) i).pages()).reversed()).limit(3).run(items);
        System.out.println("top books: " + longFiction.stream().map(Item::title).collect(Collectors.joining(" > ")));
        Map<String, List<String>> byKind = items.stream().collect(Collectors.groupingBy(i -> i.getClass().getSimpleName(), TreeMap::new,
                Collectors.mapping(Item::title, Collectors.toList())));
        System.out.println(byKind);
        Map<Genre, Integer> pages = new TreeMap<>();
        items.stream().filter(Book.class::isInstance).map(Book.class::cast).forEach(b -> pages.merge(b.genre(), b.pages(), Integer::sum));
        System.out.println("pages by genre " + pages + " max title " + maxOf(items.stream().map(Item::title).collect(Collectors.toList())));
        System.out.println("max of ints " + maxOf(listOf(3, 9, -2)) + " of strings " + maxOf(listOf("pear", "apple", "quince")));

        Map<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > 3;
            }
        };
        for (String t : new String[] {"Dune", "Odes", "Dune", "SPQR", "Byte", "Dune", "Alien"}) {
            lru.merge(t, 1, Integer::sum);
            lru.get("Dune");
        }
        System.out.println("lru " + lru);

        StringJoiner shelfList = new StringJoiner(",", "{", "}");
        for (int s : shelves(3, 20, 4)) {
            shelfList.add(Integer.toString(s));
        }
        System.out.println("shelves " + shelfList);
        Iterator<Integer> it = shelves(0, 1, 1).iterator();
        it.next();
        try {
            it.next();
        } catch (NoSuchElementException e) {
            System.out.println("exhausted: " + e.getMessage());
        }

        for (String s : new String[] {" 12 ", "7x", ""}) {
            try {
                System.out.println("shelf " + parseShelf(s));
            } catch (CatalogException e) {
                System.out.println(e + " code " + e.code);
            }
        }

        String title = "The Left Hand of Darkness";
        StringBuilder initials = new StringBuilder();
        for (String w : title.split(" ")) {
            if (Character.isUpperCase(w.charAt(0))) {
                initials.append(w.charAt(0));
            }
        }
        System.out.println(initials + " " + initials.reverse() + " " + title.chars().filter(c -> "aeiou".indexOf(c) >= 0).count()
                + " " + title.replaceAll("[aeiou]", "").toUpperCase() + " " + String.join("|", title.split("\\s+", 3)));
        int found = -1;
        outer:
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 5; col++) {
                if ((row * 5 + col) % 7 == 6) {
                    found = row * 10 + col;
                    break outer;
                }
            }
        }
        System.out.println("found " + found + " " + Math.floorMod(-7, 3) + " " + (-7 % 3) + " " + (Long.MAX_VALUE + 1) + " "
                + (char) ('a' + 25) + " " + (0b1011 ^ 0x0F) + " " + (-17 >>> 28) + " " + (-17 >> 2));
        System.out.println(IntStream.rangeClosed(1, 5).mapToObj(i -> "x".repeat(i)).collect(Collectors.joining(" ")));
    }
}
