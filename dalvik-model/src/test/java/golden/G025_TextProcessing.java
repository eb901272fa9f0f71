package golden;

import java.util.*;

/** Text processing: word frequencies (TreeMap), caesar/vigenere ciphers, palindromes, run-length encoding, anagram groups. */
public class G025_TextProcessing {
    static final String TEXT = "Call me Ishmael. Some years ago - never mind how long precisely - having little or no money in my purse, "
            + "and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.";

    static String caesar(String s, int k) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') sb.append((char) ('a' + Math.floorMod(c - 'a' + k, 26)));
            else if (c >= 'A' && c <= 'Z') sb.append((char) ('A' + Math.floorMod(c - 'A' + k, 26)));
            else sb.append(c);
        }
        return sb.toString();
    }
    static String vigenere(String s, String key, boolean enc) {
        char[] out = s.toCharArray();
        for (int i = 0, j = 0; i < out.length; i++) {
            char c = out[i];
            if (!Character.isLetter(c) || c > 'z') continue;
            int k = key.charAt(j++ % key.length()) - 'a';
            char base = Character.isUpperCase(c) ? 'A' : 'a';
            out[i] = (char) (base + Math.floorMod(c - base + (enc ? k : -k), 26));
        }
        return new String(out);
    }
    static String rle(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) { int j = i; while (j < s.length() && s.charAt(j) == s.charAt(i)) j++; sb.append(j - i).append(s.charAt(i)); i = j; }
        return sb.toString();
    }
    static boolean palindrome(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (int i = 0, j = t.length() - 1; i < j; i++, j--) if (t.charAt(i) != t.charAt(j)) return false;
        return true;
    }

    public static void main(String[] args) {
        Map<String, Integer> freq = new TreeMap<>();
        for (String w : TEXT.toLowerCase(Locale.ROOT).split("[^a-z]+")) if (!w.isEmpty()) freq.merge(w, 1, Integer::sum);
        System.out.println("distinct " + freq.size() + " " + freq);
        List<String> top = new ArrayList<>(freq.keySet());
        top.sort((a, b) -> freq.get(b) - freq.get(a) != 0 ? freq.get(b) - freq.get(a) : a.compareTo(b));
        System.out.println("top5 " + top.subList(0, 5));
        String enc = caesar(TEXT.substring(0, 40), 3);
        System.out.println("caesar " + enc + " | back " + caesar(enc, -3));
        String v = vigenere("Attack at Dawn!", "lemon", true);
        System.out.println("vigenere " + v + " | back " + vigenere(v, "lemon", false));
        System.out.println("rle " + rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"));
        for (String p : new String[] { "A man, a plan, a canal: Panama", "race a car", "No 'x' in Nixon", "" }) System.out.print(palindrome(p) + " ");
        System.out.println();
        Map<String, List<String>> groups = new TreeMap<>();
        for (String w : new String[] { "listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog" }) {
            char[] cs = w.toCharArray(); Arrays.sort(cs);
            groups.computeIfAbsent(new String(cs), k -> new ArrayList<>()).add(w);
        }
        System.out.println("anagrams " + groups.values());
        StringBuilder wrapped = new StringBuilder();
        int col = 0;
        for (String w : TEXT.split(" ")) {
            if (col + w.length() > 40) { wrapped.append('\n'); col = 0; }
            if (col > 0) { wrapped.append(' '); col++; }
            wrapped.append(w); col += w.length();
        }
        System.out.println(wrapped);
        int vowels = 0, upper = 0, digits = 0, spaces = 0;
        for (int i = 0; i < TEXT.length(); i++) {
            char c = TEXT.charAt(i);
            if ("aeiouAEIOU".indexOf(c) >= 0) vowels++;
            if (Character.isUpperCase(c)) upper++;
            if (Character.isDigit(c)) digits++;
            if (c == ' ') spaces++;
        }
        System.out.println("vowels=" + vowels + " upper=" + upper + " digits=" + digits + " spaces=" + spaces + " hash=" + TEXT.hashCode());
    }
}
