/** The interpreter loop, the decoder and pre-decoded method code. */
package org.cometsim.dalvik.interp;
