package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.VmClass;

/**
 * A class's initialisation state (JVMS 5.5), captured on one VM ({@link Migration#captureClassInit})
 * and rebuilt on another ({@link Migration#rebuildClassInit}): COMET ships it in every sync as
 * class-status records (class, status, initialising thread; comet-reference §4) and moves a thread
 * to the client before it runs a {@code <clinit>}. Its static values travel as fields, through the
 * write barrier, not here.
 *
 * @param classId the class, named through {@link ObjectIds} (a {@code VmClass} is the guest's
 *     {@code java.lang.Class} object)
 * @param state where its initialisation is
 * @param initThreadId the thread running its {@code <clinit>} (state {@link State#RUNNING}), else 0
 * @param error id of the exception its initialisation failed with (state {@link State#ERROR}),
 *     else {@link ObjectIds#NULL}
 */
public record ClassInitImage(long classId, State state, int initThreadId, long error) {

    /** JVMS 5.5's states, as {@link VmClass#initState} holds them. */
    public enum State {
        NOT_INITIALIZED(VmClass.INIT_NONE),
        RUNNING(VmClass.INIT_RUNNING),
        DONE(VmClass.INIT_DONE),
        ERROR(VmClass.INIT_ERROR);

        /** The {@code VmClass.INIT_*} value. */
        public final int code;

        State(int code) {
            this.code = code;
        }

        public static State of(int code) {
            for (State s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no class-initialisation state " + code);
        }
    }
}
