package org.cometsim.dalvik.hooks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Captures a guest thread's interpreted frames in COMET's wire shape (comet-reference §4, stack
 * record): per frame the method, the pc in code units, every register as a 32-bit word, and which
 * registers hold references at that pc, each named by its object id ({@link ObjectIds}).
 * Rebuilding works on any VM that has the same classes, which is how a thread migrates between
 * two endpoints; {@link Migration} captures and rebuilds a whole thread with it.
 */
public final class FrameCapture {
    private FrameCapture() {
    }

    /**
     * One frame. {@code words[i]} is register vi's 32-bit value; if {@code isRef.get(i)} the
     * register holds a (non-null) reference instead, whose object id is {@code refIds[i]}.
     * {@code base} marks a frame entered from host code (COMET's break frame: it cannot be
     * rebuilt elsewhere); {@code clinitOf} is the descriptor of the class whose {@code <clinit>}
     * the frame runs, or null.
     */
    public record FrameState(String classDescriptor, String methodKey, int pcCodeUnits, int[] words,
                             BitSet isRef, long[] refIds, boolean base, String clinitOf) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FrameState s && classDescriptor.equals(s.classDescriptor)
                    && methodKey.equals(s.methodKey) && pcCodeUnits == s.pcCodeUnits
                    && Arrays.equals(words, s.words) && isRef.equals(s.isRef) && Arrays.equals(refIds, s.refIds)
                    && base == s.base && java.util.Objects.equals(clinitOf, s.clinitOf);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(classDescriptor, methodKey, pcCodeUnits, Arrays.hashCode(words), isRef,
                    Arrays.hashCode(refIds), base, clinitOf);
        }

        @Override
        public String toString() {
            return classDescriptor + "->" + methodKey + " @" + pcCodeUnits + (base ? " (base)" : "")
                    + " words=" + Arrays.toString(words) + " refs=" + isRef;
        }
    }

    /**
     * The thread's frames, top first, references named through {@code ids}. Call only when the
     * thread is stopped at a safepoint or blocked (every frame's pc is then current).
     */
    public static List<FrameState> capture(GuestThread t, ObjectIds ids) {
        List<FrameState> out = new ArrayList<>();
        for (Frame f = t.top; f != null; f = f.caller) {
            int n = f.r.length;
            int[] words = new int[n];
            BitSet isRef = new BitSet(n);
            long[] refIds = new long[n];
            for (int i = 0; i < n; i++) {
                if (f.o[i] != null) {
                    isRef.set(i);
                    refIds[i] = ids.idOf(f.o[i]);
                } else {
                    // A wide value lives whole in r[i]; its high word is also kept in r[i+1], so
                    // the low words are exactly Dalvik's 32-bit registers.
                    words[i] = (int) f.r[i];
                }
            }
            out.add(new FrameState(f.method.owner.descriptor, f.method.key(), f.code.addressOf[f.pc], words, isRef,
                    refIds, f.base, f.clinitOf == null ? null : f.clinitOf.descriptor));
        }
        return out;
    }

    /**
     * Rebuilds frames captured by {@link #capture} (top first) as the stack of {@code t} on the VM
     * {@code vm} gives access to, references resolved through {@code ids}; returns the new top
     * frame (the caller sets {@code t.top}). Base frames cannot be rebuilt: their host caller is
     * on the other VM.
     */
    public static Frame rebuild(VmAccess vm, GuestThread t, List<FrameState> frames, ObjectIds ids) {
        Frame caller = null;
        int depth = 0;
        for (int k = frames.size() - 1; k >= 0; k--) {
            FrameState s = frames.get(k);
            if (s.base()) {
                throw new IllegalArgumentException("frame " + s.classDescriptor() + "->" + s.methodKey()
                        + " was entered from host code: it cannot be rebuilt on another VM");
            }
            VmClass c = vm.classForDescriptor(s.classDescriptor());
            if (c == null) {
                throw new IllegalArgumentException("no class " + s.classDescriptor() + " on this VM");
            }
            VmMethod m = c.methods.get(s.methodKey());
            if (m == null) {
                throw new IllegalArgumentException("no method " + s.methodKey() + " in " + c.name);
            }
            MethodCode code = vm.codeOf(t, m);
            Frame f = new Frame(m, code);
            int n = s.words().length;
            if (n != f.r.length) {
                throw new IllegalArgumentException(m.display() + " has " + f.r.length + " registers here, "
                        + n + " in the captured frame");
            }
            for (int i = 0; i < n; i++) {
                if (s.isRef().get(i)) {
                    f.o[i] = ids.objectOf(s.refIds()[i]);
                } else {
                    long hi = i + 1 < n && !s.isRef().get(i + 1) ? s.words()[i + 1] : 0;
                    f.r[i] = (s.words()[i] & 0xFFFFFFFFL) | (hi << 32);
                }
            }
            int idx = code.indexOfAddress(s.pcCodeUnits());
            if (idx < 0) {
                throw new IllegalArgumentException("pc " + s.pcCodeUnits() + " is not an instruction of " + m.display());
            }
            f.pc = idx;
            f.clinitOf = s.clinitOf() == null ? null : vm.classForDescriptor(s.clinitOf());
            f.caller = caller;
            f.depth = depth++;
            caller = f;
        }
        return caller;
    }
}
