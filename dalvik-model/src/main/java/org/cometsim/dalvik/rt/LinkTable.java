package org.cometsim.dalvik.rt;

import java.util.HashMap;
import java.util.Map;

/** Per-VM interning of symbolic references, so each is resolved once. */
public final class LinkTable {
    private final Map<String, Links.TypeLink> types = new HashMap<>();
    private final Map<Links.FieldSymbol, Links.FieldLink> fields = new HashMap<>();
    private final Map<Links.MethodSymbol, Links.MethodLink> methods = new HashMap<>();

    public Links.TypeLink type(String descriptor) {
        return types.computeIfAbsent(descriptor, Links.TypeLink::new);
    }

    public Links.FieldLink field(String owner, String name, String type) {
        return field(new Links.FieldSymbol(owner, name, type));
    }

    public Links.FieldLink field(Links.FieldSymbol s) {
        Links.FieldLink l = fields.get(s);
        if (l == null) {
            l = new Links.FieldLink(s.owner(), s.name(), s.type());
            fields.put(s, l);
        }
        return l;
    }

    public Links.MethodLink method(String owner, String name, String desc) {
        return method(new Links.MethodSymbol(owner, name, desc));
    }

    public Links.MethodLink method(Links.MethodSymbol s) {
        Links.MethodLink l = methods.get(s);
        if (l == null) {
            l = new Links.MethodLink(s);
            methods.put(s, l);
        }
        return l;
    }

    /** This VM's link for a symbol of decoded code (see {@link CodeTemplate}). */
    public Object link(Object symbol) {
        if (symbol instanceof String) {
            return symbol; // const-string: the interned value itself
        } else if (symbol instanceof Links.TypeSymbol t) {
            return type(t.descriptor());
        } else if (symbol instanceof Links.FieldSymbol f) {
            return field(f);
        } else if (symbol instanceof Links.MethodSymbol m) {
            return method(m);
        } else if (symbol instanceof Links.CallSiteSymbol c) {
            return new Links.CallSiteLink(c.site); // per instruction and VM: holds the linked target
        } else {
            return new Links.OpaqueLink(((Links.OpaqueSymbol) symbol).description());
        }
    }
}
