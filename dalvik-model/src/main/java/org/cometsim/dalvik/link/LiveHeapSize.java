package org.cometsim.dalvik.link;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * The bytes of guest data still reachable (issue #18, the guest heap limit): a deterministic
 * reachability pass from the same roots as {@code System.gc()}'s ({@code host.ReferenceProcessing}):
 * every thread's frames, results, exceptions, thread object and monitors; every linked class's
 * statics. It sums {@link #sizeOf} over guest objects, guest arrays and the host strings and
 * values they hold. Host objects other than strings are counted but not looked inside, so the sum
 * can only fall short of what is live: the limit may be passed a little, never reached early.
 * Runs only when the allocations since the last pass could have passed the limit ({@link Heap}).
 */
final class LiveHeapSize {
    private LiveHeapSize() {
    }

    /** Estimated bytes of one value on a 32-bit Dalvik heap (header 8, references 4). */
    static long sizeOf(Object o) {
        if (o instanceof GuestObject g) {
            return 8 + 8L * g.p.length + 4L * g.r.length;
        }
        if (o instanceof GuestArray a) {
            return arrayBytes(a.type.primitive, a.length);
        }
        if (o instanceof String s) {
            return 24 + 2L * s.length();
        }
        return 16;
    }

    static long arrayBytes(char primitive, int length) {
        int elem = switch (primitive) {
            case 'J', 'D' -> 8;
            case 'S', 'C' -> 2;
            case 'B', 'Z' -> 1;
            default -> 4;
        };
        return 12 + (long) elem * length;
    }

    static long measure(ClassLinker linker, Scheduler scheduler) {
        Set<Object> marked = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> work = new ArrayDeque<>();
        for (GuestThread t : scheduler.threads()) {
            push(t.threadObject, marked, work);
            push(t.retR, marked, work);
            push(t.caught, marked, work);
            push(t.uncaught, marked, work);
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
            if (c.staticR != null) {
                for (Object s : c.staticR) {
                    push(s, marked, work);
                }
            }
        }
        long bytes = 0;
        while (!work.isEmpty()) {
            Object o = work.pop();
            bytes += sizeOf(o);
            if (o instanceof GuestObject g) {
                for (Object r : g.r) {
                    push(r, marked, work);
                }
            } else if (o instanceof GuestArray a && a.data instanceof Object[] elems) {
                for (Object e : elems) {
                    push(e, marked, work);
                }
            }
        }
        return bytes;
    }

    private static void push(Object o, Set<Object> marked, ArrayDeque<Object> work) {
        if (o != null && !(o instanceof VmClass) && marked.add(o)) {
            work.push(o);
        }
    }
}
