package org.cometsim.cold;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.apache.commons.text.CaseUtils;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.WordUtils;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Text with commons-text (and commons-lang3 under it): form letters filled by a substitutor,
 * wrapped, escaped for HTML and Java, names camel-cased, and fuzzy matching of misspelt names.
 * Prints figures and a few sample lines. Argument: the number of letters (default 1500).
 */
public final class TextForms {
    private TextForms() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        Random rnd = new Random(99);
        String[] names = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov",
                "Donald Knuth", "Frances Allen", "John McCarthy", "Leslie Lamport", "Niklaus Wirth"};
        String[] cities = {"Ann Arbor", "Hollywood", "Zürich", "São Paulo", "Kraków", "Cambridge"};
        String template = "Dear ${name}, your parcel #${id} <${weight} kg> left ${city} & is due in ${days} day(s). "
                + "Reply to \"${mail}\" with questions; quote ${id}.";
        long wrappedChars = 0;
        long htmlChars = 0;
        long javaChars = 0;
        int lines = 0;
        String sample = null;
        for (int i = 0; i < n; i++) {
            Map<String, String> values = new HashMap<>();
            String name = names[rnd.nextInt(names.length)];
            values.put("name", name);
            values.put("id", Integer.toString(100000 + rnd.nextInt(900000)));
            values.put("weight", Integer.toString(1 + rnd.nextInt(30)));
            values.put("city", cities[rnd.nextInt(cities.length)]);
            values.put("days", Integer.toString(1 + rnd.nextInt(9)));
            values.put("mail", CaseUtils.toCamelCase(name, false, ' ') + "@example.org");
            String letter = new StringSubstitutor(values).replace(template);
            String wrapped = WordUtils.wrap(letter, 40, "\n", true);
            wrappedChars += wrapped.length();
            lines += wrapped.split("\n").length;
            htmlChars += StringEscapeUtils.escapeHtml4(letter).length();
            javaChars += StringEscapeUtils.escapeJava(letter).length();
            if (i == n / 2) {
                sample = wrapped;
            }
        }
        System.out.println("letters " + n + ", wrapped chars " + wrappedChars + " in " + lines + " lines");
        System.out.println("escaped: html " + htmlChars + " chars, java " + javaChars + " chars");
        System.out.println(sample);

        LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
        JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
        int matched = 0;
        long distance = 0;
        double similarity = 0;
        for (int i = 0; i < n; i++) {
            String name = names[rnd.nextInt(names.length)];
            char[] typo = name.toCharArray();
            int at = rnd.nextInt(typo.length);
            typo[at] = (char) ('a' + rnd.nextInt(26));
            String guess = new String(typo);
            String best = null;
            int bestD = Integer.MAX_VALUE;
            for (String candidate : names) {
                int d = lev.apply(guess, candidate);
                if (d < bestD) {
                    bestD = d;
                    best = candidate;
                }
            }
            distance += bestD;
            similarity += jw.apply(guess, best);
            if (best.equals(name)) {
                matched++;
            }
        }
        System.out.println("typos matched " + matched + "/" + n + ", total distance " + distance
                + ", mean Jaro-Winkler " + String.format(java.util.Locale.ROOT, "%.6f", similarity / n));
        System.out.println(WordUtils.capitalizeFully("the end of the text forms") + " " + WordUtils.initials("Simulated Phone Seconds"));
    }
}
