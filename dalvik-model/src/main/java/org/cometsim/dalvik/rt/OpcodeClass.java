package org.cometsim.dalvik.rt;

/**
 * Cost classes of Dalvik instructions. The interpreter counts executed instructions per opcode;
 * CPU models (module device-models) give a time per class. The names are part of the preset file
 * format, so they are stable.
 */
public enum OpcodeClass {
    NOP, MOVE, CONST, BRANCH, SWITCH, COMPARE, INT_ARITH, INT_DIV, LONG_ARITH, FLOAT_ARITH, FLOAT_DIV,
    CONVERSION, ARRAY_READ, ARRAY_WRITE, FIELD_READ, FIELD_WRITE, STATIC_READ, STATIC_WRITE, INVOKE,
    RETURN, ALLOCATION, TYPE_CHECK, MONITOR, THROW
}
