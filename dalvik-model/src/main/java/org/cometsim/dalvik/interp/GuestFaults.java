package org.cometsim.dalvik.interp;

import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.Links;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;

/**
 * The guest exceptions and VM errors the execution engine raises itself, with the JVM's messages:
 * {@code ArithmeticException: / by zero}, HotSpot's {@code ClassCastException} text, array index
 * faults from the faulting instruction, and host faults inside the loop translated to the guest
 * exception Java would raise.
 */
public final class GuestFaults {
    private final GuestExceptions exceptions;

    public GuestFaults(GuestExceptions exceptions) {
        this.exceptions = exceptions;
    }


    public GuestThrowable arithmetic(GuestThread t) {
        return exceptions.create(t, "java.lang.ArithmeticException", "/ by zero");
    }

    /** ClassCastException with HotSpot's message format. */
    public GuestThrowable classCast(GuestThread t, VmClass from, VmClass to) {
        String msg = "class " + from.name + " cannot be cast to class " + to.name + " (" + where(from, to) + ")";
        return exceptions.create(t, "java.lang.ClassCastException", msg);
    }

    private static String where(VmClass a, VmClass b) {
        String wa = moduleOf(a);
        String wb = moduleOf(b);
        if (wa.equals(wb)) {
            return a.name + " and " + b.name + " are in " + wa;
        }
        return a.name + " is in " + wa + "; " + b.name + " is in " + wb;
    }

    private static String moduleOf(VmClass c) {
        VmClass e = c;
        while (e.kind == VmClass.Kind.ARRAY) {
            e = e.component;
        }
        if (e.kind == VmClass.Kind.GUEST) {
            return "unnamed module of loader 'app'";
        }
        if (e.host != null && e.host.getModule().isNamed()) {
            return "module " + e.host.getModule().getName() + " of loader 'bootstrap'";
        }
        return "module java.base of loader 'bootstrap'";
    }

    public VmError internal(GuestThread t, String message) {
        return new VmError("internal error: " + message + " (in " + (t.top == null ? "?" : t.top.method.display()) + ")");
    }

    public VmError unsupportedInstruction(GuestThread t, int op, Object link) {
        String what = link instanceof Links.OpaqueLink ? ((Links.OpaqueLink) link).description : String.valueOf(link);
        return VmError.unsupported(Opcodes.name(op) + " " + what + " in " + (t.top == null ? "?" : t.top.method.display())
                + " (java.lang.invoke method handles are not supported; compile with desugaring on)");
    }

    /**
     * The message of an array index fault, from the faulting aget/aput itself: HotSpot throws a
     * preallocated exception without a message once compiled code has thrown the same implicit
     * exception often (OmitStackTraceInFastThrow), so the host exception's message may be null.
     */
    private static String indexOutOfBoundsMessage(GuestThread t, RuntimeException e) {
        org.cometsim.dalvik.rt.Frame f = t.top;
        if (f != null) {
            int i = f.pc << 2;
            int[] code = f.code.insns;
            int op = i >= 0 && i + 3 < code.length ? code[i] : -1;
            // Bad code can name registers outside the frame; then the host's message is all there is.
            int arr = op >= 0x44 && op <= 0x51 ? code[i + 2] : -1;
            int idx = arr >= 0 ? code[i + 3] : -1;
            if (arr >= 0 && arr < f.o.length && idx >= 0 && idx < f.r.length && f.o[arr] instanceof GuestArray) {
                return "Index " + (int) f.r[idx] + " out of bounds for length " + ((GuestArray) f.o[arr]).length;
            }
        }
        return e.getMessage();
    }

    /** Maps a host fault raised inside the interpreter loop to the guest exception Java would raise. */
    public Object translateHostFault(GuestThread t, RuntimeException e) {
        Frame top = t.top;
        if (top != null && (top.pc < 0 || (top.pc << 2) >= top.code.insns.length)) {
            // Execution left the method (a branch or handler address past its end in a malformed
            // dex): not a guest fault. Raising one would send it back to the same bad handler.
            throw new VmError("corrupt code in " + top.method.display() + ": execution reached instruction "
                    + top.pc + ", outside the method's " + (top.code.insns.length >> 2) + " instructions", e);
        }
        if (e instanceof NullPointerException) {
            return exceptions.npe(t, null).guest;
        }
        if (e instanceof ArrayIndexOutOfBoundsException) {
            return exceptions.create(t, "java.lang.ArrayIndexOutOfBoundsException", indexOutOfBoundsMessage(t, e)).guest;
        }
        if (e instanceof ClassCastException) {
            // Only malformed code gets here (a register read as the wrong kind of value), which a
            // verifier would reject before running it: report the code, not the VM.
            throw new VmError("corrupt code in " + (t.top == null ? "?" : t.top.method.display())
                    + ": a register holds the wrong kind of value (" + e.getMessage() + ")", e);
        }
        throw e;
    }}
