/** Class-path loading: dex, jar (via D8) and apk files. */
package org.cometsim.dalvik.load;
