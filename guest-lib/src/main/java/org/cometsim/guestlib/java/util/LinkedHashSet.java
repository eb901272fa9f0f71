package org.cometsim.guestlib.java.util;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * Guest-side {@code java.util.LinkedHashSet}: a {@link HashSet} over our {@link LinkedHashMap}
 * (insertion order), sized like the JDK's.
 */
public class LinkedHashSet<E> extends HashSet<E> implements Set<E>, Cloneable, Serializable {
    private static final long serialVersionUID = -2851667679971038690L;

    public LinkedHashSet(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor, true);
    }

    public LinkedHashSet(int initialCapacity) {
        super(initialCapacity, .75f, true);
    }

    public LinkedHashSet() {
        super(16, .75f, true);
    }

    public LinkedHashSet(Collection<? extends E> c) {
        super(Math.max(2 * c.size(), 11), .75f, true);
        addAll(c);
    }
}
