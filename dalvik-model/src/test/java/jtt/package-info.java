/**
 * JTT-style differential conformance families (after Graal's JTT suite): one class per opcode family.
 *
 * <p>Conventions the harness relies on:
 * <ul>
 * <li>Every {@code public static} method whose name starts with {@code test} is a test. A method with
 *     parameters runs once per row of {@code public static final Object[][] ARGS} whose length and boxed types
 *     match its parameters exactly ({@code Integer} for {@code int}, {@code Long} for {@code long}, ...; rows that
 *     do not match are skipped for that method). If a field {@code ARGS_<methodName>} exists it is used for that
 *     method instead of {@code ARGS}. A method without parameters runs once. Every test method has at least
 *     one matching row.</li>
 * <li>The method runs on the host JVM and in the interpreter (after javac, then D8 release, min-api 24,
 *     desugaring on). Return values are compared with boxed {@code equals} (so float/double use
 *     {@code Float/Double.equals}: NaN equals NaN, 0.0 differs from -0.0), arrays with
 *     {@code Arrays.deepEquals}. A thrown exception is compared by class name and message.</li>
 * <li>Tests are pure functions of their arguments. Static state is either reset inside the method or, in
 *     {@code Jtt_ClassInit}, deliberately one-shot: those tests record first-time class initialisation. They
 *     return the same result on repeated calls, except {@code testInitError} (2nd call sees
 *     NoClassDefFoundError instead of ExceptionInInitializerError).</li>
 * <li>Messages that are HotSpot-specific (helpful NullPointerException text, ClassCastException text) never
 *     reach a return value or an escaping exception: tests catch those and return a fixed marker. Messages that
 *     are part of the observable Java behaviour and that the interpreter must reproduce do escape: "/ by zero",
 *     "Index 5 out of bounds for length 3", NegativeArraySizeException "-1", ArrayStoreException
 *     "java.lang.Integer", NumberFormatException texts from the library.</li>
 * <li>{@code Jtt_ManyLocals}, {@code Jtt_HugeMethod} and {@code Jtt_ConstStringJumbo} are generated (by a
 *     throw-away script) and exist to make D8 emit move/16 and the other register-wide moves, goto/32 and
 *     const-string/jumbo. The jumbo case only works when the whole corpus is dexed as ONE dex file (its filler
 *     annotations push the string table past 65,536 entries).</li>
 * </ul>
 */
package jtt;
