/**
 * JMH benchmarks of the Dalvik interpreter's speed against the host JIT on the same workloads
 * ({@code Bench02_InterpreterVsJit}; {@code comet bench} is the per-workload report with
 * instructions per second, peak heap and output checks), and of what the offload hooks cost
 * ({@code Bench03_HookCost}: write barrier on tracked objects, method events).
 */
package org.cometsim.bench.interp;
