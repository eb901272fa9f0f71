package org.cometsim.offload.dsm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.rt.GuestObject;

/**
 * Guest objects of classes that extend a host library class ({@code CountingInputStream extends
 * FilterInputStream}) keep that class's fields in a host peer ({@code dalvik.host.HostPeers}),
 * outside the guest object's field slots: the DSM would ship the guest fields and lose the peer's
 * ({@code FilterInputStream.in}), and the receiver has no peer to give them to. Such an object pins
 * its thread (issue #13 item 3) if the library class has instance fields; a stateless base
 * ({@code InputStream}, {@code OutputStream}) ships as before.
 */
final class HostPeerState {
    private HostPeerState() {
    }

    private static final ClassValue<List<String>> FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> k) {
            List<String> out = new ArrayList<>();
            for (Class<?> c = k; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        out.add(f.getName());
                    }
                }
            }
            return List.copyOf(out);
        }
    };

    /** Why {@code g} cannot ship (its host peer holds state), or null. */
    static String refusal(GuestObject g) {
        if (g.cls.hostBase == null || g.cls.hostBase.host == null) {
            return null;
        }
        List<String> fields = FIELDS.get(g.cls.hostBase.host);
        if (fields.isEmpty()) {
            return null;
        }
        return "a guest " + g.cls.name + " extending " + g.cls.hostBase.host.getName() + " (state in its host peer: "
                + String.join(", ", fields) + ")";
    }
}
