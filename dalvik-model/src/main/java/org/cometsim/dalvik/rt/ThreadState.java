package org.cometsim.dalvik.rt;

/** Guest thread states, as {@code Thread.State}. */
public enum ThreadState { NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED }
