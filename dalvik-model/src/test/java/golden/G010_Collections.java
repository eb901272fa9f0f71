package golden;

import java.util.*;

/** Collections: ArrayList, LinkedList, HashMap with String keys, TreeMap, sorting with lambdas and Comparable, iterators, for-each. */
public class G010_Collections {
    static final class Student implements Comparable<Student> {
        final String name; final int grade; final double gpa;
        Student(String name, int grade, double gpa) { this.name = name; this.grade = grade; this.gpa = gpa; }
        public int compareTo(Student o) { return name.compareTo(o.name); }
        @Override public boolean equals(Object o) { return o instanceof Student s && s.name.equals(name); }
        @Override public int hashCode() { return name.hashCode(); }
        @Override public String toString() { return name + "(" + grade + "," + gpa + ")"; }
    }

    public static void main(String[] args) {
        List<Student> ss = new ArrayList<>(List.of(new Student("mia", 10, 3.7), new Student("ali", 11, 3.9), new Student("zoe", 10, 3.2),
                new Student("ben", 12, 3.9), new Student("eve", 11, 2.8)));
        Collections.sort(ss);
        System.out.println("by name " + ss);
        ss.sort(Comparator.comparingDouble((Student s) -> s.gpa).reversed().thenComparing(s -> s.name));
        System.out.println("by gpa " + ss);
        ss.sort((a, b) -> a.grade != b.grade ? Integer.compare(a.grade, b.grade) : b.name.compareTo(a.name));
        System.out.println("by grade " + ss);
        Map<Integer, List<String>> byGrade = new TreeMap<>();
        for (Student s : ss) byGrade.computeIfAbsent(s.grade, g -> new ArrayList<>()).add(s.name);
        System.out.println("grouped " + byGrade);

        Map<String, Integer> freq = new HashMap<>();
        String text = "it was the best of times it was the worst of times it was the age of wisdom";
        for (String w : text.split(" ")) freq.put(w, freq.getOrDefault(w, 0) + 1);
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(freq.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        System.out.println("freq " + entries + " size " + freq.size() + " has 'age' " + freq.containsKey("age") + " best=" + freq.get("best") + " none=" + freq.get("none"));
        System.out.println("sorted keys " + new TreeSet<>(freq.keySet()));

        List<Integer> nums = new ArrayList<>();
        for (int i = 0; i < 20; i++) nums.add((i * 37) % 23);
        Iterator<Integer> it = nums.iterator();
        while (it.hasNext()) if (it.next() % 3 == 0) it.remove();
        System.out.println("filtered " + nums + " max " + Collections.max(nums) + " min " + Collections.min(nums) + " freq(5) " + Collections.frequency(nums, 5));
        Collections.reverse(nums);
        System.out.println("reversed " + nums.subList(0, 5) + " indexOf(13) " + nums.indexOf(13));
        try { for (Integer n : nums) if (n == 13) nums.remove(n); } catch (ConcurrentModificationException e) { System.out.println("CME"); }

        Deque<String> dq = new ArrayDeque<>();
        dq.push("a"); dq.addLast("z"); dq.offerFirst("b"); dq.add("y");
        System.out.println("deque " + dq + " pop " + dq.pop() + " pollLast " + dq.pollLast() + " " + dq);
        LinkedList<Integer> ll = new LinkedList<>(List.of(5, 1, 4));
        ll.addFirst(0); ll.add(2, 9); ll.removeLast();
        ListIterator<Integer> li = ll.listIterator();
        while (li.hasNext()) { int v = li.next(); if (v == 9) li.set(90); }
        System.out.println("linked " + ll);
        PriorityQueue<String> pq = new PriorityQueue<>(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        pq.addAll(List.of("ccc", "a", "bb", "dd", "e", "ffff"));
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) sb.append(pq.poll()).append(' ');
        System.out.println("pq " + sb.toString().trim());
        Set<Student> set = new HashSet<>(ss);
        set.add(new Student("mia", 99, 0));
        System.out.println("set size " + set.size() + " contains " + set.contains(new Student("zoe", 0, 0)));
        LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) { protected boolean removeEldestEntry(Map.Entry<String, Integer> e) { return size() > 3; } };
        for (String k : new String[] { "a", "b", "c", "a", "d", "e", "a" }) lru.merge(k, 1, Integer::sum);
        System.out.println("lru " + lru);
        int[] arr = { 9, 4, 7, 1 };
        List<int[]> wrapped = Arrays.asList(arr, new int[] { 2 });
        System.out.println("asList " + wrapped.size() + " " + Arrays.asList(3, 1, 2) + " unmodifiable:" + tryAdd(Collections.unmodifiableList(nums)));
    }
    static String tryAdd(List<Integer> l) { try { l.add(1); return "added"; } catch (UnsupportedOperationException e) { return "UOE"; } }
}
