/** Hooks for the offload runtime: write barrier, safepoints, native gate, frame capture. */
package org.cometsim.dalvik.hooks;
