package org.cometsim.cold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.commons.collections4.Bag;
import org.apache.commons.collections4.BidiMap;
import org.apache.commons.collections4.CollectionUtils;
import org.apache.commons.collections4.ListUtils;
import org.apache.commons.collections4.MultiValuedMap;
import org.apache.commons.collections4.Trie;
import org.apache.commons.collections4.bag.TreeBag;
import org.apache.commons.collections4.bidimap.TreeBidiMap;
import org.apache.commons.collections4.map.LRUMap;
import org.apache.commons.collections4.multimap.ArrayListValuedHashMap;
import org.apache.commons.collections4.trie.PatriciaTrie;

/**
 * Collections with commons-collections4: a seeded population of made-up words counted in a bag,
 * grouped in a multimap, indexed in a Patricia trie, ranked in a bidirectional map and cached in
 * an LRU map. Prints sorted figures only. Argument: the number of words (default 20000).
 */
public final class CollectionsCensus {
    private CollectionsCensus() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        Random rnd = new Random(2012);
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po"};
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rnd.nextInt(3);
            for (int k = 0; k < len; k++) {
                sb.append(syllables[rnd.nextInt(syllables.length)]);
            }
            words.add(sb.toString());
        }

        Bag<String> bag = new TreeBag<>(words);
        System.out.println("distinct words " + bag.uniqueSet().size() + ", 'kalo' x" + bag.getCount("kalo")
                + ", first " + ((TreeBag<String>) bag).first() + ", last " + ((TreeBag<String>) bag).last());

        MultiValuedMap<Integer, String> byLength = new ArrayListValuedHashMap<>();
        for (String w : words) {
            byLength.put(w.length(), w);
        }
        Map<Integer, Integer> lengths = new TreeMap<>();
        for (Integer len : byLength.keySet()) {
            lengths.put(len, byLength.get(len).size());
        }
        System.out.println("by length " + lengths);

        Trie<String, Integer> trie = new PatriciaTrie<>();
        for (String w : bag.uniqueSet()) {
            trie.put(w, bag.getCount(w));
        }
        for (String prefix : new String[] {"ka", "zepo", "mimi", "to"}) {
            int count = 0;
            for (int c : trie.prefixMap(prefix).values()) {
                count += c;
            }
            System.out.println("prefix " + prefix + ": " + trie.prefixMap(prefix).size() + " words, " + count + " uses");
        }

        BidiMap<String, Integer> rank = new TreeBidiMap<>();
        List<String> byCount = new ArrayList<>(bag.uniqueSet());
        byCount.sort((a, b) -> bag.getCount(b) != bag.getCount(a) ? bag.getCount(b) - bag.getCount(a) : a.compareTo(b));
        for (int i = 0; i < byCount.size(); i++) {
            rank.put(byCount.get(i), i + 1);
        }
        System.out.println("rank 1 " + rank.getKey(1) + ", rank 2 " + rank.getKey(2) + ", 'sa' is rank " + rank.get("sa"));

        LRUMap<String, Integer> cache = new LRUMap<>(64);
        int hits = 0;
        for (String w : words) {
            Integer h = cache.get(w);
            if (h != null) {
                hits++;
            } else {
                cache.put(w, w.hashCode());
            }
        }
        System.out.println("LRU(64) hits " + hits + " of " + words.size());

        List<String> firstHalf = words.subList(0, n / 2);
        List<String> secondHalf = words.subList(n / 2, n);
        Collection<String> common = CollectionUtils.intersection(firstHalf, secondHalf);
        List<String> lcs = ListUtils.longestCommonSubsequence(words.subList(0, 300), words.subList(300, 600));
        System.out.println("intersection " + common.size() + ", LCS of two 300-word runs " + lcs.size());
    }
}
