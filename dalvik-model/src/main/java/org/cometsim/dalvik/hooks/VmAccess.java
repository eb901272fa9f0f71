package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * What capturing and rebuilding threads, monitors and class-initialisation state need from the VM
 * they work on: its classes and code (the linker), its monitors and its scheduler. {@code hooks}
 * sits below those packages, so the VM ({@code Vm}) hands its parts over through this interface.
 */
public interface VmAccess {
    /** The class for a type descriptor, linked on first use; null if there is none. */
    VmClass classForDescriptor(String descriptor);

    /** {@code m}'s code on this VM (linked on first use). */
    MethodCode codeOf(GuestThread t, VmMethod m);

    /** The monitor of a lockable reference, created on first use. */
    Monitor monitorOf(Object obj);

    /** The monitor of {@code obj} if it has one yet, else null (capturing never creates monitors). */
    Monitor existingMonitorOf(Object obj);

    /** The thread running right now (inside a slice), or null. */
    GuestThread currentThread();

    /** A new thread of this VM (state NEW, no frames) whose guest {@code Thread} object is {@code threadObject}. */
    GuestThread newThread(String name, GuestObject threadObject);

    /** Safepoints between two slow paths on this VM (a rebuilt thread's budget). */
    int safepointInterval();

    /** Takes {@code t} out of scheduling (neither runnable nor alive) without ending it. */
    void unschedule(GuestThread t);

    /** Schedules {@code t} (with frames) as runnable at simulated time {@code atNanos}. */
    void scheduleRunnable(GuestThread t, long atNanos);

    /** Schedules {@code t} as alive but waiting (sleep, {@code Object.wait}): something wakes it later. */
    void scheduleWaiting(GuestThread t);

    /** Threads blocked entering {@code m} may try again (it became free). */
    void monitorReleased(Monitor m);

    /** Threads blocked until {@code c}'s initialisation ends may go on (it ended, well or not). */
    void initFinished(VmClass c);
}
