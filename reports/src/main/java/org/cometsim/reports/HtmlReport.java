package org.cometsim.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: a title, the scenario (key/value pairs), tables and charts. The
 * charts' PNGs are embedded as data URIs, so the page alone can be mailed or attached to a paper's
 * artefact; each figure also links to its PNG and SVG files beside the page (relative paths).
 * No script, no external style sheet or font.
 */
public final class HtmlReport {
    private final String title;
    private final List<String> sections = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        sections.add("<p>" + esc(text) + "</p>");
        return this;
    }

    /** The scenario or any key/value description, as a two-column table. */
    public HtmlReport keyValues(String heading, Map<String, String> kv) {
        StringBuilder b = new StringBuilder("<h2>").append(esc(heading)).append("</h2>\n<table class=\"kv\">\n");
        kv.forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        sections.add(b.append("</table>").toString());
        return this;
    }

    /** A table: header and rows of cells (numeric-looking cells right-aligned). */
    public HtmlReport table(String heading, List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<h2>").append(esc(heading)).append("</h2>\n<table class=\"data\">\n<thead><tr>");
        for (String h : header) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            b.append("<tr>");
            for (String c : r) {
                b.append(isNumber(c) ? "<td class=\"num\">" : "<td>").append(esc(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        sections.add(b.append("</tbody></table>").toString());
        return this;
    }

    /**
     * A chart written by {@link ChartFiles#write}: the PNG embedded, links to the PNG and SVG by
     * their paths relative to {@code pageDir}.
     */
    public HtmlReport figure(String caption, Path png, Path pageDir) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + png, e);
        }
        String rel = pageDir.toAbsolutePath().normalize().relativize(png.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        String svg = rel.substring(0, rel.length() - ".png".length()) + ".svg";
        sections.add("<figure>\n<img alt=\"" + esc(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(bytes) + "\">\n<figcaption>" + esc(caption)
                + " <span class=\"files\">(<a href=\"" + esc(rel) + "\">PNG</a>, <a href=\"" + esc(svg)
                + "\">SVG</a>)</span></figcaption>\n</figure>");
        return this;
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        sections.add("<h2>" + esc(text) + "</h2>");
        return this;
    }

    /** A preformatted block (e.g. a command line). */
    public HtmlReport code(String text) {
        sections.add("<pre>" + esc(text) + "</pre>");
        return this;
    }

    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>").append(esc(title))
                .append("</h1>\n");
        for (String s : sections) {
            b.append(s).append('\n');
        }
        return b.append("<footer>comet-sim report</footer>\n</body>\n</html>\n").toString();
    }

    /** Writes the page to {@code file}. */
    public Path write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        String t = s.endsWith("x") || s.endsWith("%") ? s.substring(0, s.length() - 1) : s;
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static final String CSS = String.join("\n",
            "body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 2em auto;",
            "       max-width: 1320px; padding: 0 1em; color: #222; background: #fff; }",
            "h1 { font-size: 1.8em; border-bottom: 2px solid #0072B2; padding-bottom: .3em; }",
            "h2 { font-size: 1.3em; margin-top: 1.6em; }",
            "table { border-collapse: collapse; margin: .5em 0 1em; font-size: .95em; }",
            "th, td { border: 1px solid #ccc; padding: .3em .7em; text-align: left; }",
            "thead th { background: #eef3f8; }",
            "table.kv th { background: #f6f6f6; font-weight: 600; }",
            "td.num { text-align: right; font-variant-numeric: tabular-nums; }",
            "figure { margin: 1.5em 0; }",
            "figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }",
            "figcaption { color: #555; margin-top: .3em; }",
            "pre { background: #f6f6f6; padding: .6em; overflow-x: auto; }",
            "footer { margin-top: 3em; color: #888; font-size: .85em; }",
            "");
}
