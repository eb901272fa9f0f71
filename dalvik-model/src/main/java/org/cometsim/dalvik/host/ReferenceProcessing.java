package org.cometsim.dalvik.host;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * What {@code System.gc()} and {@code Runtime.gc()} do: a deterministic reachability pass over
 * the guest heap that clears the guest library's weak and phantom references
 * ({@code java.lang.ref}, module guest-lib) whose referents are no longer strongly reachable, and
 * links those registered with a queue onto the queue's pending list. Guest objects live in the
 * host heap, so nothing else ever clears them: a program's weak references change only at its
 * own {@code gc()} calls, the same way on every run and on every endpoint.
 *
 * <p>Roots: every thread's frames (registers holding references), last result, caught, pending
 * and uncaught exceptions, thread object, the monitors it holds or waits for, the thread it joins;
 * every linked class's statics. Host values are looked inside where the VM can do so without
 * side effects: host arrays, collections and maps (a guest object in {@code List.of(...)} is
 * reachable), and host views lead back to their guest object. A referent that has escaped into
 * other host code ({@link GuestObject#escaped}: handed to a host method that may keep it) is never
 * cleared: the host may hold it where the pass cannot see; nor is a host value ({@code String}, box). Soft references are never cleared (no memory
 * pressure is modelled). While a thread runs on another endpoint ({@link Scheduler#remoteThreads})
 * nothing is cleared: its registers are not here. The offload runtime makes {@code gc()} run on
 * the phone (client-pinned), so with every thread home the phone's heap decides, as locally.
 */
final class ReferenceProcessing {
    private final ClassLinker linker;
    private final Scheduler scheduler;
    private final OffloadHooks hooks;

    ReferenceProcessing(ClassLinker linker, Scheduler scheduler, OffloadHooks hooks) {
        this.linker = linker;
        this.scheduler = scheduler;
        this.hooks = hooks;
    }

    /** Runs the pass; returns how many references it cleared. */
    int collect() {
        VmClass reference = linked("Ljava/lang/ref/Reference;");
        if (reference == null || !scheduler.remoteThreads().isEmpty()) {
            return 0; // no reference was ever made, or some roots are on the other endpoint
        }
        VmClass soft = linked("Ljava/lang/ref/SoftReference;");
        VmClass queueClass = linked("Ljava/lang/ref/ReferenceQueue;");
        VmField referent = reference.fields.get("referent");
        VmField queue = reference.fields.get("queue");
        VmField next = reference.fields.get("next");
        Set<Object> marked = Collections.newSetFromMap(new IdentityHashMap<>());
        List<GuestObject> references = new ArrayList<>();
        ArrayDeque<Object> work = new ArrayDeque<>();
        for (GuestThread t : scheduler.threads()) {
            if (t.state != ThreadState.TERMINATED) {
                push(t.threadObject, marked, work);
            }
            push(t.retR, marked, work);
            push(t.caught, marked, work);
            push(t.uncaught, marked, work);
            if (t.joining != null) {
                push(t.joining.threadObject, marked, work);
            }
            if (t.blockedOn != null) {
                push(t.blockedOn.ownerObject, marked, work);
            }
            for (Monitor m = t.heldMonitors; m != null; m = m.nextHeld()) {
                push(m.ownerObject, marked, work);
            }
            for (Frame f = t.top; f != null; f = f.caller) {
                for (Object r : f.o) {
                    push(r, marked, work);
                }
                push(f.syncOn, marked, work);
            }
        }
        for (VmClass c : linker.linkedClasses()) {
            push(c, marked, work);
        }
        while (!work.isEmpty()) {
            Object o = work.pop();
            if (o instanceof GuestObject g) {
                boolean isRef = isSubclass(g.cls, reference);
                if (isRef) {
                    references.add(g);
                }
                for (int i = 0; i < g.r.length; i++) {
                    if (!isRef || i != referent.slot || soft != null && isSubclass(g.cls, soft)) {
                        push(g.r[i], marked, work);
                    }
                }
            } else if (o instanceof GuestArray a) {
                if (a.data instanceof Object[] elems) {
                    for (Object e : elems) {
                        push(e, marked, work);
                    }
                }
            } else if (o instanceof VmClass c) {
                if (c.staticR != null) {
                    for (Object s : c.staticR) {
                        push(s, marked, work);
                    }
                }
                push(c.initError, marked, work);
            } else if (o instanceof HostBridge.GuestBacked view) {
                push(view.guestObject(), marked, work);
            } else if (o instanceof Object[] elems) {
                for (Object e : elems) {
                    push(e, marked, work);
                }
            } else if (o instanceof Collection<?> coll && o.getClass().getName().startsWith("java.")) {
                for (Object e : coll.toArray()) {
                    push(e, marked, work);
                }
            } else if (o instanceof Map<?, ?> map && o.getClass().getName().startsWith("java.")
                    && !(o instanceof java.util.WeakHashMap)) { // (its entries come and go with the host's GC)
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    push(e.getKey(), marked, work);
                    push(e.getValue(), marked, work);
                }
            }
        }
        // ReferenceQueue's two sentinels: a reference on a queue or taken off one is not enqueued again.
        Object enqueued = queueClass == null ? null : queueClass.staticR[queueClass.fields.get("ENQUEUED").slot];
        Object removed = queueClass == null ? null : queueClass.staticR[queueClass.fields.get("REMOVED").slot];
        VmField pending = queueClass == null ? null : queueClass.fields.get("pending");
        int cleared = 0;
        for (GuestObject ref : references) {
            Object target = ref.r[referent.slot];
            if (target == null || marked.contains(target) || soft != null && isSubclass(ref.cls, soft) || escaped(target)) {
                continue;
            }
            write(ref, referent, null);
            cleared++;
            Object q = ref.r[queue.slot];
            if (q instanceof GuestObject qo && q != enqueued && q != removed && pending != null) {
                write(ref, next, qo.r[pending.slot]);
                write(qo, pending, ref);
            }
        }
        return cleared;
    }

    private static boolean escaped(Object o) {
        return o instanceof GuestObject g ? g.escaped : o instanceof GuestArray a ? a.escaped : true;
    }

    /** A field write as the interpreter makes it: through the write barrier if the object is tracked. */
    private void write(GuestObject o, VmField f, Object v) {
        if (o.dsm != null) {
            hooks.barrier().fieldWrite(o, f);
        }
        o.r[f.slot] = v;
    }

    private static void push(Object o, Set<Object> marked, ArrayDeque<Object> work) {
        if (o != null && !(o instanceof String) && marked.add(o)) {
            work.push(o);
        }
    }

    private static boolean isSubclass(VmClass c, VmClass of) {
        for (VmClass k = c; k != null; k = k.superclass) {
            if (k == of) {
                return true;
            }
        }
        return false;
    }

    private VmClass linked(String descriptor) {
        for (VmClass c : linker.linkedClasses()) {
            if (c.descriptor.equals(descriptor)) {
                return c;
            }
        }
        return null;
    }
}
