/** Build-time tooling: {@link org.cometsim.workloads.build.DexBuilder} runs D8 over the guest jars during process-classes. Never loaded by a guest. */
package org.cometsim.workloads.build;
