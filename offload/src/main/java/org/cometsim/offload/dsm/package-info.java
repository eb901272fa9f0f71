/**
 * The distributed shared memory (comet-reference §2-§4): object ids, tracking by reachability,
 * dirty slots fed by the VM's write barrier, and the push/pull of the VM-synchronisation
 * primitive ({@link org.cometsim.offload.dsm.Dsm}); lock ownership ({@link org.cometsim.offload.dsm.Ownership}).
 */
package org.cometsim.offload.dsm;
