/** Multi-threaded producer/consumer pipeline with bounded wait/notifyAll buffers; entry {@link org.cometsim.workloads.apps.pipeline.Pipeline}. */
package org.cometsim.workloads.apps.pipeline;
