package org.cometsim.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Results as a tidy table: one row per run (one point of a sweep), one column per axis or metric,
 * values kept as the text they were stored as. Column names are those of the results table
 * (the {@code points} table of the sweep results contract: {@code comet-run/1}'s keys, nested objects flattened with an underscore, {@code energy_j_cpu}), plus
 * the axes a single result file does not carry ({@code app}, {@code size}).
 *
 * <p>Charts read numbers with {@link Row#num}; a column a table lacks reads as absent, so a chart
 * can tell "no oracle row" from "oracle speed-up 0".
 */
public final class ResultTable {
    private final List<String> columns;
    private final List<Row> rows;

    public ResultTable(List<String> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** A table from rows given as maps (column order: first appearance). */
    public static ResultTable of(List<Map<String, String>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        List<Row> out = new ArrayList<>();
        for (Map<String, String> m : rows) {
            cols.addAll(m.keySet());
            out.add(new Row(m));
        }
        return new ResultTable(new ArrayList<>(cols), out);
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    public ResultTable where(Predicate<Row> p) {
        return new ResultTable(columns, rows.stream().filter(p).toList());
    }

    /** The distinct values of a column in order of first appearance (empty values skipped). */
    public List<String> distinct(String column) {
        Set<String> seen = new LinkedHashSet<>();
        for (Row r : rows) {
            String v = r.text(column);
            if (v != null && !v.isEmpty()) {
                seen.add(v);
            }
        }
        return new ArrayList<>(seen);
    }

    /** One row of results. */
    public static final class Row {
        private final Map<String, String> values;

        public Row(Map<String, String> values) {
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The value as stored, or null if the row has no such column. */
        public String text(String column) {
            return values.get(column);
        }

        /** The value as a number, or NaN if absent, empty, {@code null} or not a number. */
        public double num(String column) {
            String v = values.get(column);
            if (v == null || v.isEmpty() || v.equals("null")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        public Map<String, String> values() {
            return values;
        }
    }

    // ---------------------------------------------------------------- CSV (RFC 4180)

    /** Reads a CSV file with a header line (RFC 4180 quoting). */
    public static ResultTable readCsv(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<List<String>> records = parseCsv(text, file);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty CSV (no header line)");
        }
        List<String> header = records.get(0);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue;
            }
            if (rec.size() != header.size()) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + " has " + rec.size()
                        + " fields, the header " + header.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), rec.get(c));
            }
            rows.add(new Row(m));
        }
        return new ResultTable(header, rows);
    }

    /** The table as CSV text: header line, then one line per row; fields quoted only when needed. */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        line(b, columns);
        for (Row r : rows) {
            List<String> v = new ArrayList<>();
            for (String c : columns) {
                String x = r.text(c);
                v.add(x == null ? "" : x);
            }
            line(b, v);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        b.append('\n');
    }

    private static List<List<String>> parseCsv(String text, Path file) {
        List<List<String>> records = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean any = false;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    f.append(ch);
                }
                i++;
                continue;
            }
            any = true;
            if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                rec.add(f.toString());
                f.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                rec.add(f.toString());
                f.setLength(0);
                records.add(rec);
                rec = new ArrayList<>();
                any = false;
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                f.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException(file + ": unterminated quoted field");
        }
        if (any || f.length() > 0 || !rec.isEmpty()) {
            rec.add(f.toString());
            records.add(rec);
        }
        return records;
    }
}
