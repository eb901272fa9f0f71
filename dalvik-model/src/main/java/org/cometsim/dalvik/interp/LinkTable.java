package org.cometsim.dalvik.interp;

import java.util.HashMap;
import java.util.Map;

/** Per-VM interning of symbolic references, so each is resolved once. */
public final class LinkTable {
    private final Map<String, Links.TypeLink> types = new HashMap<>();
    private final Map<String, Links.FieldLink> fields = new HashMap<>();
    private final Map<String, Links.MethodLink> methods = new HashMap<>();

    public Links.TypeLink type(String descriptor) {
        return types.computeIfAbsent(descriptor, Links.TypeLink::new);
    }

    public Links.FieldLink field(String owner, String name, String type) {
        return fields.computeIfAbsent(owner + "->" + name + ":" + type, k -> new Links.FieldLink(owner, name, type));
    }

    public Links.MethodLink method(String owner, String name, String desc) {
        return methods.computeIfAbsent(owner + "->" + name + desc, k -> new Links.MethodLink(owner, name, desc));
    }
}
