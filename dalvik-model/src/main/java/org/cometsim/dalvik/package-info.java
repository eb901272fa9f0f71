/**
 * The VM facade ({@link org.cometsim.dalvik.Vm}: assembles the parts, holds the settings) and a
 * program's life in it ({@link org.cometsim.dalvik.Launcher}). The top of the module: it uses every
 * package, none uses it.
 */
package org.cometsim.dalvik;
