/** Multi-threaded ray tracer with a wait/notify work queue; entry {@link org.cometsim.workloads.apps.parallelrender.ParallelRender}. */
package org.cometsim.workloads.apps.parallelrender;
