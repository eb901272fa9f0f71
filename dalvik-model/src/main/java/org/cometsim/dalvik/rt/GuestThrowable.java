package org.cometsim.dalvik.rt;

/**
 * Host-side carrier of a guest exception while it crosses host code (natives, callbacks, the
 * bridge). Cheap: no host stack trace. {@link #guest} is the guest throwable object.
 */
public final class GuestThrowable extends RuntimeException {
    public final GuestObject guest;

    public GuestThrowable(GuestObject guest) {
        super(null, null, false, false);
        this.guest = guest;
    }

    @Override
    public String getMessage() {
        return "guest exception " + guest.cls.name;
    }
}
