/**
 * Programs of known conformance gaps (issue #12), run by
 * {@code org.cometsim.dalvik.conformance.ConformanceGapsTest}: each test is
 * {@code @Disabled("BUG: ...")} until the VM prints what {@code java} prints.
 */
package gaps;
