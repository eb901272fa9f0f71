package org.cometsim.dalvik.hooks;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Captures a guest thread's interpreted frames in COMET's wire shape (comet-reference §4, stack
 * record): per frame the method, the pc in code units, every register as a 32-bit word, and which
 * registers hold references at that pc. Rebuilding works on any VM that has the same classes,
 * which is how a thread migrates between two endpoints.
 */
public final class FrameCapture {
    private FrameCapture() {
    }

    /** One frame. {@code words[i]} is register vi's 32-bit value; {@code refs[i]} its reference if {@code isRef.get(i)}. */
    public record FrameState(String classDescriptor, String methodKey, int pcCodeUnits, int[] words,
                             BitSet isRef, Object[] refs, boolean base, String clinitOf) {
    }

    /** The thread's frames, top first. Call only when the thread is stopped at a safepoint or blocked. */
    public static List<FrameState> capture(GuestThread t) {
        List<FrameState> out = new ArrayList<>();
        for (Frame f = t.top; f != null; f = f.caller) {
            int n = f.r.length;
            int[] words = new int[n];
            BitSet isRef = new BitSet(n);
            Object[] refs = new Object[n];
            for (int i = 0; i < n; i++) {
                if (f.o[i] != null) {
                    isRef.set(i);
                    refs[i] = f.o[i];
                } else {
                    words[i] = (int) f.r[i];
                }
            }
            // A wide value lives whole in r[i]; its high word is also kept in r[i+1], so the
            // 32-bit words above are exactly Dalvik's registers.
            out.add(new FrameState(f.method.owner.descriptor, f.method.key(), f.code.addressOf[f.pc], words, isRef,
                    refs, f.base, f.clinitOf == null ? null : f.clinitOf.descriptor));
        }
        return out;
    }

    /**
     * Rebuilds frames captured by {@link #capture} as {@code t}'s stack on {@code vm}. References
     * are taken as given (an offload runtime translates object ids first).
     */
    public static void restore(Vm vm, GuestThread t, List<FrameState> frames) {
        Frame caller = null;
        int depth = 0;
        for (int k = frames.size() - 1; k >= 0; k--) {
            FrameState s = frames.get(k);
            VmClass c = vm.linker().classForDescriptor(s.classDescriptor());
            if (c == null) {
                throw new IllegalArgumentException("no class " + s.classDescriptor() + " on this VM");
            }
            VmMethod m = c.methods.get(s.methodKey());
            if (m == null) {
                throw new IllegalArgumentException("no method " + s.methodKey() + " in " + c.name);
            }
            MethodCode code = vm.linker().codeOf(t, m);
            Frame f = new Frame(m, code);
            int n = s.words().length;
            for (int i = 0; i < n; i++) {
                if (s.isRef().get(i)) {
                    f.o[i] = s.refs()[i];
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
            f.base = s.base();
            f.clinitOf = s.clinitOf() == null ? null : vm.linker().classForDescriptor(s.clinitOf());
            f.caller = caller;
            f.depth = depth++;
            caller = f;
        }
        t.top = caller;
    }
}
