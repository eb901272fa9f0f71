/**
 * The execution engine: the interpreter loop over pre-decoded code, hot methods compiled to JVM
 * bytecode ({@code BaselineCompiler}), and the exceptions the engine raises ({@code GuestFaults}).
 * It implements {@code rt.GuestCalls} (host-to-guest calls) and {@code sched.ThreadRunner}, and
 * uses every layer below it, the class library included.
 */
package org.cometsim.dalvik.interp;
