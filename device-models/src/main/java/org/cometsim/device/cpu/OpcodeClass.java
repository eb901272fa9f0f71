package org.cometsim.device.cpu;

/**
 * Cost classes of Dalvik instructions. The interpreter (dalvik-model) counts executed
 * instructions per class by these exact names; a {@link CpuModel} gives nanoseconds per
 * instruction for each.
 *
 * <p>The split follows what differs in cost inside Dalvik's interpreter loop on a 2010 ARM core:
 * register moves vs. memory access (array, instance field, static field with class-init check),
 * integer vs. long vs. floating point, division (no hardware integer divide on Cortex-A8, a
 * helper call), and the expensive runtime paths (invoke/return frame set-up, allocation,
 * monitors, exceptions).
 */
public enum OpcodeClass {
    NOP,
    MOVE,
    CONST,
    BRANCH,
    SWITCH,
    COMPARE,
    INT_ARITH,
    INT_DIV,
    LONG_ARITH,
    FLOAT_ARITH,
    FLOAT_DIV,
    CONVERSION,
    ARRAY_READ,
    ARRAY_WRITE,
    FIELD_READ,
    FIELD_WRITE,
    STATIC_READ,
    STATIC_WRITE,
    INVOKE,
    RETURN,
    ALLOCATION,
    TYPE_CHECK,
    MONITOR,
    THROW
}
