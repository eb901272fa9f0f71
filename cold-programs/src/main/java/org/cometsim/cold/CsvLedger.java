package org.cometsim.cold;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Parsing with commons-csv: a seeded ledger of transactions (quoted fields, embedded commas and
 * quotes) written with CSVPrinter, parsed back with a header, totalled per account and written
 * out again as a summary. Argument: the number of rows (default 10000).
 */
public final class CsvLedger {
    private CsvLedger() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        Random rnd = new Random(7);
        String[] accounts = {"rent", "food, fresh", "travel \"air\"", "books", "energy", "phone"};
        StringWriter ledger = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("day", "account", "cents", "note").build();
        try (CSVPrinter printer = new CSVPrinter(ledger, format)) {
            for (int i = 0; i < n; i++) {
                printer.printRecord(1 + rnd.nextInt(365), accounts[rnd.nextInt(accounts.length)],
                        rnd.nextInt(200000) - 50000, i % 7 == 0 ? "split, \"shared\"" : "");
            }
        }
        String text = ledger.toString();
        System.out.println("ledger " + text.length() + " chars");

        Map<String, long[]> totals = new TreeMap<>();
        CSVFormat reading = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        int notes = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), reading)) {
            for (CSVRecord r : parser) {
                long[] t = totals.computeIfAbsent(r.get("account"), k -> new long[3]);
                long cents = Long.parseLong(r.get("cents"));
                t[0] += cents;
                t[1]++;
                t[2] = Math.max(t[2], Integer.parseInt(r.get("day")));
                if (!r.get("note").isEmpty()) {
                    notes++;
                }
            }
        }
        StringWriter summary = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(summary, CSVFormat.RFC4180.builder()
                .setHeader("account", "rows", "total", "last day").build())) {
            for (Map.Entry<String, long[]> e : totals.entrySet()) {
                long[] t = e.getValue();
                printer.printRecord(e.getKey(), t[1], String.format(java.util.Locale.ROOT, "%.2f", t[0] / 100.0), t[2]);
            }
        }
        System.out.print(summary.toString().replace("\r\n", "\n"));
        System.out.println("rows with notes " + notes);
    }
}
