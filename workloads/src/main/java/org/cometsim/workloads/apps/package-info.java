/**
 * Guest programs, compiled into comet-apps.dex. Shared helpers: {@link org.cometsim.workloads.apps.AppArgs}
 * (size knob), {@link org.cometsim.workloads.apps.Checksum} (FNV-style result hash),
 * {@link org.cometsim.workloads.apps.Lcg} (seeded random numbers). Each sub-package is one app with one entry
 * class. Rules for everything under this package: deterministic output, java.lang plus a few java.util /
 * java.io ByteArray classes only, no streams API, no lambdas, no reflection, no java.util.concurrent.
 */
package org.cometsim.workloads.apps;
