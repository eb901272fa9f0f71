package golden;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A small order book mixing language and library features as a real program does: records with
 * compact constructors, enums with bodies and abstract methods, switch on strings, interfaces with
 * default and static methods, generic classes with bridge methods, inner, local and anonymous
 * classes, lambdas and method references, streams with grouping collectors, String.format,
 * BigDecimal arithmetic and rounding, java.time dates, durations and formatting, exceptions with
 * causes and suppressed exceptions, try-with-resources.
 */
public class G090_OrderBook {
    enum Side {
        BUY {
            @Override
            boolean crosses(BigDecimal mine, BigDecimal other) {
                return mine.compareTo(other) >= 0;
            }
        },
        SELL {
            @Override
            boolean crosses(BigDecimal mine, BigDecimal other) {
                return mine.compareTo(other) <= 0;
            }

            @Override
            public String toString() {
                return "sell";
            }
        };

        abstract boolean crosses(BigDecimal mine, BigDecimal other);
    }

    record Order(int id, Side side, String symbol, BigDecimal price, int quantity, LocalDateTime at) {
        Order {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + quantity);
            }
            price = price.setScale(2, RoundingMode.HALF_EVEN);
        }

        BigDecimal notional() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }

    record Trade(String symbol, BigDecimal price, int quantity, int buyId, int sellId) {
    }

    interface Fee {
        BigDecimal rate();

        default BigDecimal on(BigDecimal amount) {
            return amount.multiply(rate()).setScale(4, RoundingMode.HALF_UP);
        }

        static Fee flat(String rate) {
            BigDecimal r = new BigDecimal(rate);
            return () -> r;
        }
    }

    /** A generic holder whose subclass narrows the type: javac emits bridge methods. */
    abstract static class Book<K extends Comparable<K>, V> {
        final TreeMap<K, List<V>> levels = new TreeMap<>();

        abstract K keyOf(V v);

        void add(V v) {
            levels.computeIfAbsent(keyOf(v), k -> new ArrayList<>()).add(v);
        }
    }

    static final class PriceBook extends Book<BigDecimal, Order> {
        @Override
        BigDecimal keyOf(Order o) {
            return o.price();
        }
    }

    static final class Journal implements AutoCloseable {
        final String name;
        final List<String> lines = new ArrayList<>();
        final boolean failOnClose;

        Journal(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
        }

        void write(String line) {
            lines.add(line);
        }

        @Override
        public void close() {
            System.out.println("closing " + name + " with " + lines.size() + " lines");
            if (failOnClose) {
                throw new IllegalStateException("close failed: " + name);
            }
        }
    }

    static class MatchingException extends Exception {
        MatchingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final List<Trade> trades = new ArrayList<>();
    private int nextId = 1;

    /** An inner class: uses the enclosing book's counter. */
    class Ticket {
        final int id = nextId++;

        Order order(Side side, String symbol, String price, int qty, LocalDateTime at) {
            return new Order(id, side, symbol, new BigDecimal(price), qty, at);
        }
    }

    List<Trade> match(List<Order> orders) throws MatchingException {
        Map<String, List<Order>> bySymbol = orders.stream()
                .collect(Collectors.groupingBy(Order::symbol, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Order>> e : bySymbol.entrySet()) {
            List<Order> buys = new ArrayList<>();
            List<Order> sells = new ArrayList<>();
            for (Order o : e.getValue()) {
                (o.side() == Side.BUY ? buys : sells).add(o);
            }
            buys.sort(Comparator.comparing(Order::price).reversed().thenComparing(Order::at));
            sells.sort(Comparator.comparing(Order::price).thenComparing(Order::at));
            int[] left = new int[orders.size() + 2];
            for (Order o : e.getValue()) {
                left[o.id()] = o.quantity();
            }
            for (Order b : buys) {
                for (Order s : sells) {
                    if (left[b.id()] == 0) {
                        break;
                    }
                    if (left[s.id()] == 0 || !Side.BUY.crosses(b.price(), s.price())) {
                        continue;
                    }
                    int q = Math.min(left[b.id()], left[s.id()]);
                    left[b.id()] -= q;
                    left[s.id()] -= q;
                    trades.add(new Trade(e.getKey(), s.price(), q, b.id(), s.id()));
                }
            }
        }
        try {
            validate();
        } catch (ArithmeticException ex) {
            throw new MatchingException("validation failed", ex);
        }
        return trades;
    }

    private void validate() {
        for (Trade t : trades) {
            if (t.quantity() > 1000) {
                throw new ArithmeticException("quantity overflow in " + t);
            }
        }
    }

    static String describe(String command) {
        switch (command) {
            case "buy":
            case "bid":
                return "wants to buy";
            case "sell":
                return "wants to sell";
            case "":
                return "(empty)";
            default:
                return "unknown command " + command.toUpperCase();
        }
    }

    public static void main(String[] args) throws Exception {
        G090_OrderBook book = new G090_OrderBook();
        LocalDateTime open = LocalDateTime.of(2026, 3, 14, 9, 30);
        List<Order> orders = new ArrayList<>();
        String[][] input = {
            {"buy", "ACME", "10.005", "100"}, {"sell", "ACME", "9.995", "40"}, {"sell", "ACME", "10.00", "80"},
            {"buy", "ZETA", "5.5", "10"}, {"sell", "ZETA", "5.75", "10"}, {"bid", "ACME", "10.01", "30"},
            {"sell", "ZETA", "5.25", "4"},
        };
        for (int i = 0; i < input.length; i++) {
            String[] row = input[i];
            Side side = row[0].equals("sell") ? Side.SELL : Side.BUY;
            G090_OrderBook.Ticket ticket = book.new Ticket();
            orders.add(ticket.order(side, row[1], row[2], Integer.parseInt(row[3]), open.plusSeconds(17L * i)));
            System.out.println(String.format("#%-2d %-5s %s %5s x %3d (%s)", i + 1, row[1], side, row[2], Integer.parseInt(row[3]),
                    describe(row[0])));
        }
        System.out.println(describe("cancel") + " / " + describe(""));
        try {
            book.new Ticket().order(Side.BUY, "ACME", "1", 0, open);
        } catch (IllegalArgumentException e) {
            System.out.println("rejected: " + e.getMessage());
        }

        List<Trade> trades = book.match(orders);
        Fee fee = Fee.flat("0.0025");
        BigDecimal total = BigDecimal.ZERO;
        for (Trade t : trades) {
            BigDecimal value = t.price().multiply(BigDecimal.valueOf(t.quantity()));
            total = total.add(value);
            System.out.printf("%s %4d @ %6s = %9s fee %s (buy #%d, sell #%d)%n", t.symbol(), t.quantity(), t.price(), value,
                    fee.on(value), t.buyId(), t.sellId());
        }
        System.out.println("total " + total + " avg " + total.divide(BigDecimal.valueOf(trades.stream().mapToInt(Trade::quantity).sum()),
                6, RoundingMode.HALF_UP) + " " + total.stripTrailingZeros().toPlainString() + " " + total.scale());

        PriceBook pb = new PriceBook();
        orders.forEach(pb::add);
        Book<BigDecimal, Order> raw = pb;
        System.out.println("levels: " + raw.levels.keySet() + " first " + raw.levels.firstEntry().getValue().get(0).id());

        Map<Side, Integer> volume = new EnumMap<>(Side.class);
        for (Order o : orders) {
            volume.merge(o.side(), o.quantity(), Integer::sum);
        }
        System.out.println("volume " + volume);
        Map<Boolean, Long> bigSmall = orders.stream().collect(Collectors.partitioningBy(o -> o.notional().compareTo(new BigDecimal("300")) > 0,
                Collectors.counting()));
        System.out.println("big/small " + bigSmall);
        String symbols = orders.stream().map(Order::symbol).distinct().sorted(Comparator.reverseOrder())
                .collect(Collectors.joining(", ", "[", "]"));
        Optional<Order> priciest = orders.stream().max(Comparator.comparing(Order::notional));
        System.out.println(symbols + " priciest #" + priciest.map(Order::id).orElse(-1) + " "
                + priciest.map(Order::notional).map(BigDecimal::toString).orElse("-"));

        Function<Order, String> day = new Function<>() {
            private final DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE dd MMM uuuu HH:mm:ss");

            @Override
            public String apply(Order o) {
                return f.format(o.at());
            }
        };
        System.out.println("first " + day.apply(orders.get(0)) + ", last " + day.apply(orders.get(orders.size() - 1)));
        Duration span = Duration.between(orders.get(0).at(), orders.get(orders.size() - 1).at());
        LocalDate settle = open.toLocalDate().plusDays(2);
        System.out.println("span " + span + " settles " + settle + " " + settle.getDayOfWeek() + " leap " + settle.isLeapYear());

        try (Journal a = new Journal("audit", false); Journal b = new Journal("ledger", true)) {
            a.write("x");
            b.write("y");
            b.write("z");
            throw new IllegalStateException("body failed");
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length + ": "
                    + e.getSuppressed()[0].getMessage());
        }

        G090_OrderBook huge = new G090_OrderBook();
        List<Order> big = List.of(huge.new Ticket().order(Side.BUY, "Q", "1", 5000, open),
                huge.new Ticket().order(Side.SELL, "Q", "1", 5000, open));
        try {
            huge.match(big);
        } catch (MatchingException e) {
            System.out.println(e.getMessage() + " <- " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        }
    }
}
