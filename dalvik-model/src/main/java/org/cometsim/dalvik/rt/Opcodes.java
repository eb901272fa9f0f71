package org.cometsim.dalvik.rt;

import java.util.EnumMap;
import java.util.Map;

/**
 * Dalvik opcode values (AOSP "Dalvik bytecode"), their names and their {@link OpcodeClass}. The
 * decoded instruction stream keeps the original opcode value, so per-opcode counters and
 * coverage reports speak the spec's language.
 */
public final class Opcodes {
    private Opcodes() {
    }

    private static final String[] NAMES = new String[256];
    private static final OpcodeClass[] CLASS_OF = new OpcodeClass[256];

    static {
        String table = String.join("\n",
                "00 nop NOP",
                "01 move MOVE", "02 move/from16 MOVE", "03 move/16 MOVE",
                "04 move-wide MOVE", "05 move-wide/from16 MOVE", "06 move-wide/16 MOVE",
                "07 move-object MOVE", "08 move-object/from16 MOVE", "09 move-object/16 MOVE",
                "0a move-result MOVE", "0b move-result-wide MOVE", "0c move-result-object MOVE",
                "0d move-exception MOVE",
                "0e return-void RETURN", "0f return RETURN", "10 return-wide RETURN", "11 return-object RETURN",
                "12 const/4 CONST", "13 const/16 CONST", "14 const CONST", "15 const/high16 CONST",
                "16 const-wide/16 CONST", "17 const-wide/32 CONST", "18 const-wide CONST",
                "19 const-wide/high16 CONST", "1a const-string CONST", "1b const-string/jumbo CONST",
                "1c const-class CONST",
                "1d monitor-enter MONITOR", "1e monitor-exit MONITOR",
                "1f check-cast TYPE_CHECK", "20 instance-of TYPE_CHECK", "21 array-length ARRAY_READ",
                "22 new-instance ALLOCATION", "23 new-array ALLOCATION", "24 filled-new-array ALLOCATION",
                "25 filled-new-array/range ALLOCATION", "26 fill-array-data ARRAY_WRITE", "27 throw THROW",
                "28 goto BRANCH", "29 goto/16 BRANCH", "2a goto/32 BRANCH",
                "2b packed-switch SWITCH", "2c sparse-switch SWITCH",
                "2d cmpl-float COMPARE", "2e cmpg-float COMPARE", "2f cmpl-double COMPARE",
                "30 cmpg-double COMPARE", "31 cmp-long COMPARE",
                "32 if-eq BRANCH", "33 if-ne BRANCH", "34 if-lt BRANCH", "35 if-ge BRANCH", "36 if-gt BRANCH",
                "37 if-le BRANCH", "38 if-eqz BRANCH", "39 if-nez BRANCH", "3a if-ltz BRANCH",
                "3b if-gez BRANCH", "3c if-gtz BRANCH", "3d if-lez BRANCH",
                "44 aget ARRAY_READ", "45 aget-wide ARRAY_READ", "46 aget-object ARRAY_READ",
                "47 aget-boolean ARRAY_READ", "48 aget-byte ARRAY_READ", "49 aget-char ARRAY_READ",
                "4a aget-short ARRAY_READ",
                "4b aput ARRAY_WRITE", "4c aput-wide ARRAY_WRITE", "4d aput-object ARRAY_WRITE",
                "4e aput-boolean ARRAY_WRITE", "4f aput-byte ARRAY_WRITE", "50 aput-char ARRAY_WRITE",
                "51 aput-short ARRAY_WRITE",
                "52 iget FIELD_READ", "53 iget-wide FIELD_READ", "54 iget-object FIELD_READ",
                "55 iget-boolean FIELD_READ", "56 iget-byte FIELD_READ", "57 iget-char FIELD_READ",
                "58 iget-short FIELD_READ",
                "59 iput FIELD_WRITE", "5a iput-wide FIELD_WRITE", "5b iput-object FIELD_WRITE",
                "5c iput-boolean FIELD_WRITE", "5d iput-byte FIELD_WRITE", "5e iput-char FIELD_WRITE",
                "5f iput-short FIELD_WRITE",
                "60 sget STATIC_READ", "61 sget-wide STATIC_READ", "62 sget-object STATIC_READ",
                "63 sget-boolean STATIC_READ", "64 sget-byte STATIC_READ", "65 sget-char STATIC_READ",
                "66 sget-short STATIC_READ",
                "67 sput STATIC_WRITE", "68 sput-wide STATIC_WRITE", "69 sput-object STATIC_WRITE",
                "6a sput-boolean STATIC_WRITE", "6b sput-byte STATIC_WRITE", "6c sput-char STATIC_WRITE",
                "6d sput-short STATIC_WRITE",
                "6e invoke-virtual INVOKE", "6f invoke-super INVOKE", "70 invoke-direct INVOKE",
                "71 invoke-static INVOKE", "72 invoke-interface INVOKE",
                "74 invoke-virtual/range INVOKE", "75 invoke-super/range INVOKE",
                "76 invoke-direct/range INVOKE", "77 invoke-static/range INVOKE",
                "78 invoke-interface/range INVOKE",
                "7b neg-int CONVERSION", "7c not-int CONVERSION", "7d neg-long CONVERSION",
                "7e not-long CONVERSION", "7f neg-float CONVERSION", "80 neg-double CONVERSION",
                "81 int-to-long CONVERSION", "82 int-to-float CONVERSION", "83 int-to-double CONVERSION",
                "84 long-to-int CONVERSION", "85 long-to-float CONVERSION", "86 long-to-double CONVERSION",
                "87 float-to-int CONVERSION", "88 float-to-long CONVERSION", "89 float-to-double CONVERSION",
                "8a double-to-int CONVERSION", "8b double-to-long CONVERSION", "8c double-to-float CONVERSION",
                "8d int-to-byte CONVERSION", "8e int-to-char CONVERSION", "8f int-to-short CONVERSION",
                "90 add-int INT_ARITH", "91 sub-int INT_ARITH", "92 mul-int INT_ARITH", "93 div-int INT_DIV",
                "94 rem-int INT_DIV", "95 and-int INT_ARITH", "96 or-int INT_ARITH", "97 xor-int INT_ARITH",
                "98 shl-int INT_ARITH", "99 shr-int INT_ARITH", "9a ushr-int INT_ARITH",
                "9b add-long LONG_ARITH", "9c sub-long LONG_ARITH", "9d mul-long LONG_ARITH",
                "9e div-long INT_DIV", "9f rem-long INT_DIV", "a0 and-long LONG_ARITH", "a1 or-long LONG_ARITH",
                "a2 xor-long LONG_ARITH", "a3 shl-long LONG_ARITH", "a4 shr-long LONG_ARITH",
                "a5 ushr-long LONG_ARITH",
                "a6 add-float FLOAT_ARITH", "a7 sub-float FLOAT_ARITH", "a8 mul-float FLOAT_ARITH",
                "a9 div-float FLOAT_DIV", "aa rem-float FLOAT_DIV",
                "ab add-double FLOAT_ARITH", "ac sub-double FLOAT_ARITH", "ad mul-double FLOAT_ARITH",
                "ae div-double FLOAT_DIV", "af rem-double FLOAT_DIV",
                "b0 add-int/2addr INT_ARITH", "b1 sub-int/2addr INT_ARITH", "b2 mul-int/2addr INT_ARITH",
                "b3 div-int/2addr INT_DIV", "b4 rem-int/2addr INT_DIV", "b5 and-int/2addr INT_ARITH",
                "b6 or-int/2addr INT_ARITH", "b7 xor-int/2addr INT_ARITH", "b8 shl-int/2addr INT_ARITH",
                "b9 shr-int/2addr INT_ARITH", "ba ushr-int/2addr INT_ARITH",
                "bb add-long/2addr LONG_ARITH", "bc sub-long/2addr LONG_ARITH", "bd mul-long/2addr LONG_ARITH",
                "be div-long/2addr INT_DIV", "bf rem-long/2addr INT_DIV", "c0 and-long/2addr LONG_ARITH",
                "c1 or-long/2addr LONG_ARITH", "c2 xor-long/2addr LONG_ARITH", "c3 shl-long/2addr LONG_ARITH",
                "c4 shr-long/2addr LONG_ARITH", "c5 ushr-long/2addr LONG_ARITH",
                "c6 add-float/2addr FLOAT_ARITH", "c7 sub-float/2addr FLOAT_ARITH",
                "c8 mul-float/2addr FLOAT_ARITH", "c9 div-float/2addr FLOAT_DIV", "ca rem-float/2addr FLOAT_DIV",
                "cb add-double/2addr FLOAT_ARITH", "cc sub-double/2addr FLOAT_ARITH",
                "cd mul-double/2addr FLOAT_ARITH", "ce div-double/2addr FLOAT_DIV",
                "cf rem-double/2addr FLOAT_DIV",
                "d0 add-int/lit16 INT_ARITH", "d1 rsub-int INT_ARITH", "d2 mul-int/lit16 INT_ARITH",
                "d3 div-int/lit16 INT_DIV", "d4 rem-int/lit16 INT_DIV", "d5 and-int/lit16 INT_ARITH",
                "d6 or-int/lit16 INT_ARITH", "d7 xor-int/lit16 INT_ARITH",
                "d8 add-int/lit8 INT_ARITH", "d9 rsub-int/lit8 INT_ARITH", "da mul-int/lit8 INT_ARITH",
                "db div-int/lit8 INT_DIV", "dc rem-int/lit8 INT_DIV", "dd and-int/lit8 INT_ARITH",
                "de or-int/lit8 INT_ARITH", "df xor-int/lit8 INT_ARITH", "e0 shl-int/lit8 INT_ARITH",
                "e1 shr-int/lit8 INT_ARITH", "e2 ushr-int/lit8 INT_ARITH",
                "fa invoke-polymorphic INVOKE", "fb invoke-polymorphic/range INVOKE",
                "fc invoke-custom INVOKE", "fd invoke-custom/range INVOKE",
                "fe const-method-handle CONST", "ff const-method-type CONST");
        for (String line : table.split("\n")) {
            String[] parts = line.split(" ");
            int op = Integer.parseInt(parts[0], 16);
            NAMES[op] = parts[1];
            CLASS_OF[op] = OpcodeClass.valueOf(parts[2]);
        }
    }

    /**
     * Internal opcode (an unused value) for {@code invoke-static} of a pure {@code java.lang.Math}
     * function, executed inline; counted as INVOKE. See {@link Decoder}.
     */
    public static final int MATH_INTRINSIC = 0xe3;

    static {
        CLASS_OF[MATH_INTRINSIC] = OpcodeClass.INVOKE;
    }

    /** Spec name of an opcode, or null for unused values. */
    public static String name(int op) {
        return NAMES[op & 0xff];
    }

    public static OpcodeClass classOf(int op) {
        return CLASS_OF[op & 0xff];
    }

    /** Number of opcodes defined for DEX 039 (224). */
    public static int definedCount() {
        int n = 0;
        for (String s : NAMES) {
            if (s != null) {
                n++;
            }
        }
        return n;
    }

    /** Folds per-opcode counters into per-class counters, indexed by {@link OpcodeClass#ordinal()}. */
    public static long[] countsByClass(long[] perOpcode) {
        long[] out = new long[OpcodeClass.values().length];
        for (int op = 0; op < 256; op++) {
            if (perOpcode[op] != 0 && CLASS_OF[op] != null) {
                out[CLASS_OF[op].ordinal()] += perOpcode[op];
            }
        }
        return out;
    }

    public static Map<OpcodeClass, Long> countsByClassMap(long[] perOpcode) {
        long[] by = countsByClass(perOpcode);
        Map<OpcodeClass, Long> m = new EnumMap<>(OpcodeClass.class);
        for (OpcodeClass c : OpcodeClass.values()) {
            m.put(c, by[c.ordinal()]);
        }
        return m;
    }
}
