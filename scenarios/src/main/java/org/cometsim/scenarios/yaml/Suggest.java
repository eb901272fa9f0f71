package org.cometsim.scenarios.yaml;

import java.util.Collection;
import java.util.Locale;

/** The nearest valid name to a misspelt one (edit distance), for "did you mean" hints. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest of {@code valid} to {@code word}, or null if none is within a third of its length (at least 2 edits). */
    public static String nearest(String word, Collection<String> valid) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String v : valid) {
            int d = distance(w, v.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return bestD <= limit ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
