/** The class library: model classes, the host bridge, natives and their placement. */
package org.cometsim.dalvik.bridge;
