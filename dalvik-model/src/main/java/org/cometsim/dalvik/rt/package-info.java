/** Runtime data: classes, objects, arrays, frames, threads, monitors, the scheduler. */
package org.cometsim.dalvik.rt;
