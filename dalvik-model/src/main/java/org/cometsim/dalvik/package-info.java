/** The VM facade (Vm) and its options. */
package org.cometsim.dalvik;
