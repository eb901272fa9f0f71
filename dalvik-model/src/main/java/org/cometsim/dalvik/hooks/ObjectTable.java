package org.cometsim.dalvik.hooks;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ObjectIds} that numbers each reference it is shown (0, 1, 2 ... in the order first
 * seen, by identity) and gives the same reference back for its id. Shared by two VMs in one JVM it
 * lets references pass through a capture and rebuild unchanged, as if both endpoints shared one
 * heap: what tests need. A real DSM maps ids to each endpoint's own replicas instead.
 */
public final class ObjectTable implements ObjectIds {
    private final Map<Object, Long> ids = new IdentityHashMap<>();
    private final List<Object> objects = new ArrayList<>();

    @Override
    public long idOf(Object ref) {
        Long id = ids.get(ref);
        if (id == null) {
            id = (long) objects.size();
            ids.put(ref, id);
            objects.add(ref);
        }
        return id;
    }

    @Override
    public Object objectOf(long id) {
        if (id < 0 || id >= objects.size()) {
            throw new IllegalArgumentException("no object has id " + id);
        }
        return objects.get((int) id);
    }

    /** How many references have an id. */
    public int size() {
        return objects.size();
    }
}
