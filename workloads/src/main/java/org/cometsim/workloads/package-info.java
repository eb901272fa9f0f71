/** Workload catalog (start at {@link org.cometsim.workloads.WorkloadCatalog}): records describing each guest program, and extraction of its dex or jar class path. Host-side code; not part of any guest dex. */
package org.cometsim.workloads;
