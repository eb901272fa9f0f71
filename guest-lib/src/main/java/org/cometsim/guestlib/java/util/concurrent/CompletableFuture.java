package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Guest-side {@code java.util.concurrent.CompletableFuture}: the JDK 17 algorithm (a result
 * field, a LIFO stack of dependent completions, {@code postComplete}'s traversal, the same
 * encoding of exceptions as {@code CompletionException}s) with the stack guarded by the future's
 * own monitor instead of CAS, and waiting threads blocked in {@code wait} on that monitor instead
 * of {@code LockSupport}.
 *
 * <p>Deviations from JDK 17: the default async executor ({@link #defaultExecutor}) starts a new
 * <em>daemon</em> guest thread per task (the JDK's fallback {@code ThreadPerTaskExecutor}, but
 * daemon like the common pool's workers) instead of {@code ForkJoinPool.commonPool()}. A thread
 * waiting in {@code get}/{@code join} does not help run dependents (the completing thread runs
 * them). {@link #toCompletableFuture} returns {@code this} in the VM but {@code null} on the host
 * JVM (ours is not the JDK's class there). Not provided (they stop with the VM's unsupported-API
 * error): {@code completeAsync}, {@code orTimeout}, {@code completeOnTimeout},
 * {@code delayedExecutor}, {@code completedStage}, {@code failedStage},
 * {@code minimalCompletionStage}, {@code copy}.
 */
public class CompletableFuture<T> implements Future<T>, CompletionStage<T> {

    /** Result of a null value or of an exception (ex != null). */
    static final class AltResult {
        final Throwable ex;

        AltResult(Throwable x) {
            this.ex = x;
        }
    }

    static final AltResult NIL = new AltResult(null);

    static final int SYNC = 0;
    static final int ASYNC = 1;
    static final int NESTED = -1;

    volatile Object result;
    /** Top of the dependents' stack; guarded by this future's monitor. */
    private Completion stack;
    /** Threads waiting in get/join (the JDK counts them as dependents, Signaller nodes). */
    private int waiters;

    public CompletableFuture() {
    }

    CompletableFuture(Object r) {
        this.result = r;
    }

    // ----- encoding -----

    static Object encodeValue(Object t) {
        return t == null ? NIL : t;
    }

    static AltResult encodeThrowable(Throwable x) {
        return new AltResult(x instanceof CompletionException ? x : new CompletionException(x));
    }

    static Object encodeThrowable(Throwable x, Object r) {
        if (!(x instanceof CompletionException)) {
            x = new CompletionException(x);
        } else if (r instanceof AltResult && x == ((AltResult) r).ex) {
            return r;
        }
        return new AltResult(x);
    }

    static Object encodeRelay(Object r) {
        Throwable x;
        if (r instanceof AltResult && (x = ((AltResult) r).ex) != null && !(x instanceof CompletionException)) {
            r = new AltResult(new CompletionException(x));
        }
        return r;
    }

    final boolean internalComplete(Object r) {
        synchronized (this) {
            if (result != null) {
                return false;
            }
            result = r;
            if (waiters > 0) {
                notifyAll();
            }
            return true;
        }
    }

    final boolean completeNull() {
        return internalComplete(NIL);
    }

    final boolean completeValue(Object t) {
        return internalComplete(encodeValue(t));
    }

    final boolean completeThrowable(Throwable x) {
        return internalComplete(encodeThrowable(x));
    }

    final boolean completeThrowable(Throwable x, Object r) {
        return internalComplete(encodeThrowable(x, r));
    }

    final boolean completeRelay(Object r) {
        return internalComplete(encodeRelay(r));
    }

    // ----- the stack -----

    final void pushStack(Completion c) {
        synchronized (this) {
            c.next = stack;
            stack = c;
        }
    }

    /** Pushes c unless this is complete; then (or if complete already) tries to fire it. */
    final void unipush(Completion c) {
        if (c != null) {
            synchronized (this) {
                if (result == null) {
                    c.next = stack;
                    stack = c;
                    return;
                }
            }
            c.tryFire(SYNC);
        }
    }

    final void bipush(CompletableFuture<?> b, Completion c) {
        if (c != null) {
            boolean pushed = false;
            synchronized (this) {
                if (result == null) {
                    c.next = stack;
                    stack = c;
                    pushed = true;
                }
            }
            if (pushed) {
                if (b.result == null) {
                    b.unipush(new Completion(CO, null, null, null, null, null, c));
                } else if (result != null) {
                    c.tryFire(SYNC);
                }
                return;
            }
            b.unipush(c);
        }
    }

    final void orpush(CompletableFuture<?> b, Completion c) {
        if (c != null) {
            boolean pushed = false;
            synchronized (this) {
                if (result == null) {
                    c.next = stack;
                    stack = c;
                    pushed = true;
                }
            }
            if (!pushed) {
                c.tryFire(SYNC);
            } else {
                b.unipush(new Completion(CO, null, null, null, null, null, c));
            }
        }
    }

    /** Unlinks dead completions (fired elsewhere). */
    final void cleanStack() {
        synchronized (this) {
            Completion prev = null;
            Completion p = stack;
            while (p != null) {
                Completion n = p.next;
                if (p.isLive()) {
                    prev = p;
                } else if (prev == null) {
                    stack = n;
                } else {
                    prev.next = n;
                }
                p = n;
            }
        }
    }

    private Completion pop(CompletableFuture<?> f) {
        synchronized (f) {
            Completion h = f.stack;
            if (h != null) {
                f.stack = h.next;
            }
            return h;
        }
    }

    private boolean hasStack() {
        synchronized (this) {
            return stack != null;
        }
    }

    /** Pops and fires all dependents, as the JDK's postComplete (nested ones moved onto this stack). */
    final void postComplete() {
        CompletableFuture<?> f = this;
        for (;;) {
            Completion h = pop(f);
            if (h == null) {
                if (f == this) {
                    return;
                }
                f = this;
                continue;
            }
            Completion t = h.next;
            if (t != null) {
                if (f != this) {
                    pushStack(h);
                    continue;
                }
                h.next = null;
            }
            CompletableFuture<?> d = h.tryFire(NESTED);
            f = d == null ? this : d;
        }
    }

    final CompletableFuture<T> postFire(CompletableFuture<?> a, int mode) {
        if (mode == ASYNC_NOW) {
            return null; // run at once by the stage's creator: the JDK's *Now paths, no post-processing
        }
        if (a != null && a.hasStack()) {
            Object r = a.result;
            if (r == null) {
                a.cleanStack();
            }
            if (mode >= 0 && (r != null || a.result != null)) {
                a.postComplete();
            }
        }
        if (result != null && hasStack()) {
            if (mode < 0) {
                return this;
            }
            postComplete();
        }
        return null;
    }

    final CompletableFuture<T> postFire(CompletableFuture<?> a, CompletableFuture<?> b, int mode) {
        if (b != null && b.hasStack()) {
            Object r = b.result;
            if (r == null) {
                b.cleanStack();
            }
            if (mode >= 0 && (r != null || b.result != null)) {
                b.postComplete();
            }
        }
        return postFire(a, mode);
    }

    // ----- completions -----

    static final int APPLY = 0;
    static final int ACCEPT = 1;
    static final int RUN = 2;
    static final int WHEN = 3;
    static final int HANDLE = 4;
    static final int EXCEPTIONALLY = 5;
    static final int COMPOSE = 6;
    static final int RELAY = 7;
    static final int BI_APPLY = 8;
    static final int BI_ACCEPT = 9;
    static final int BI_RUN = 10;
    static final int BI_RELAY = 11;
    static final int OR_APPLY = 12;
    static final int OR_ACCEPT = 13;
    static final int OR_RUN = 14;
    static final int ANY_OF = 15;
    static final int CO = 16;
    static final int EXC_COMPOSE = 17;

    /** One dependent action (the JDK's Completion subclasses folded into one class by kind). */
    static final class Completion implements Runnable {
        final int kind;
        Completion next;
        Executor executor;
        CompletableFuture<?> dep;
        CompletableFuture<?> src;
        CompletableFuture<?> snd;
        Object fn;
        Completion base;
        CompletableFuture<?>[] srcs;
        private boolean claimed;

        Completion(int kind, Executor executor, CompletableFuture<?> dep, CompletableFuture<?> src, CompletableFuture<?> snd,
                Object fn, Completion base) {
            this.kind = kind;
            this.executor = executor;
            this.dep = dep;
            this.src = src;
            this.snd = snd;
            this.fn = fn;
            this.base = base;
        }

        /** True once, in the thread to run the action; hands the action to the executor if any. */
        boolean claim() {
            Executor e;
            synchronized (this) {
                if (claimed) {
                    return false;
                }
                claimed = true;
                e = executor;
                executor = null;
            }
            if (e == null) {
                return true;
            }
            e.execute(this);
            return false;
        }

        boolean isLive() {
            if (kind == CO) {
                Completion c = base;
                return c != null && c.dep != null;
            }
            if (kind == ANY_OF) {
                CompletableFuture<?> d = dep;
                return d != null && d.result == null;
            }
            return dep != null;
        }

        @Override
        public void run() {
            tryFire(ASYNC);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        CompletableFuture<?> tryFire(int mode) {
            switch (kind) {
                case CO: {
                    Completion c = base;
                    CompletableFuture<?> d;
                    if (c == null || (d = c.tryFire(mode)) == null) {
                        return null;
                    }
                    base = null;
                    return d;
                }
                case APPLY:
                case ACCEPT:
                case RUN:
                case COMPOSE: {
                    CompletableFuture d = dep;
                    CompletableFuture<?> a = src;
                    Object r;
                    if (a == null || (r = a.result) == null || d == null || fn == null) {
                        return null;
                    }
                    if (d.result == null) {
                        Throwable x;
                        if (r instanceof AltResult && (x = ((AltResult) r).ex) != null) {
                            d.completeThrowable(x, r);
                        } else {
                            if (r instanceof AltResult) {
                                r = null;
                            }
                            try {
                                if (mode <= 0 && !claim()) {
                                    return null;
                                }
                                if (kind == APPLY) {
                                    d.completeValue(((Function) fn).apply(r));
                                } else if (kind == ACCEPT) {
                                    ((Consumer) fn).accept(r);
                                    d.completeNull();
                                } else if (kind == RUN) {
                                    ((Runnable) fn).run();
                                    d.completeNull();
                                } else {
                                    CompletableFuture g = asOurs((CompletionStage) ((Function) fn).apply(r));
                                    Object s = g.result;
                                    if (s != null) {
                                        d.completeRelay(s);
                                    } else {
                                        g.unipush(new Completion(RELAY, null, d, g, null, null, null));
                                        if (d.result == null) {
                                            return null;
                                        }
                                    }
                                }
                            } catch (Throwable ex) {
                                d.completeThrowable(ex);
                            }
                        }
                    }
                    dep = null;
                    src = null;
                    fn = null;
                    return d.postFire(a, mode);
                }
                case WHEN:
                case HANDLE:
                case EXCEPTIONALLY: {
                    CompletableFuture d = dep;
                    CompletableFuture<?> a = src;
                    Object r;
                    if (a == null || (r = a.result) == null || d == null || fn == null) {
                        return null;
                    }
                    boolean done;
                    if (kind == WHEN) {
                        done = d.uniWhenComplete(r, (BiConsumer) fn, mode > 0 ? null : this);
                    } else if (kind == HANDLE) {
                        done = d.uniHandle(r, (BiFunction) fn, mode > 0 ? null : this);
                    } else {
                        done = d.uniExceptionally(r, (Function) fn, mode > 0 ? null : this);
                    }
                    if (!done) {
                        return null;
                    }
                    dep = null;
                    src = null;
                    fn = null;
                    return d.postFire(a, mode);
                }
                case EXC_COMPOSE: {
                    CompletableFuture d = dep;
                    CompletableFuture<?> a = src;
                    Object r;
                    if (a == null || (r = a.result) == null || d == null || fn == null) {
                        return null;
                    }
                    if (d.result == null) {
                        Throwable x;
                        if (r instanceof AltResult && (x = ((AltResult) r).ex) != null) {
                            try {
                                if (mode <= 0 && !claim()) {
                                    return null;
                                }
                                CompletableFuture g = asOurs((CompletionStage) ((Function) fn).apply(x));
                                Object s = g.result;
                                if (s != null) {
                                    d.completeRelay(s);
                                } else {
                                    g.unipush(new Completion(RELAY, null, d, g, null, null, null));
                                    if (d.result == null) {
                                        return null;
                                    }
                                }
                            } catch (Throwable ex) {
                                d.completeThrowable(ex);
                            }
                        } else {
                            d.internalComplete(r);
                        }
                    }
                    dep = null;
                    src = null;
                    fn = null;
                    return d.postFire(a, mode);
                }
                case RELAY: {
                    CompletableFuture d = dep;
                    CompletableFuture<?> a = src;
                    Object r;
                    if (d == null || a == null || (r = a.result) == null) {
                        return null;
                    }
                    if (d.result == null) {
                        d.completeRelay(r);
                    }
                    src = null;
                    dep = null;
                    return d.postFire(a, mode);
                }
                case BI_APPLY:
                case BI_ACCEPT:
                case BI_RUN:
                case BI_RELAY: {
                    CompletableFuture d = dep;
                    CompletableFuture<?> a = src;
                    CompletableFuture<?> b = snd;
                    Object r;
                    Object s;
                    if (d == null || a == null || (r = a.result) == null || b == null || (s = b.result) == null) {
                        return null;
                    }
                    if (kind == BI_RELAY) {
                        if (d.result == null) {
                            Throwable x;
                            if (r instanceof AltResult && (x = ((AltResult) r).ex) != null) {
                                d.completeThrowable(x, r);
                            } else if (s instanceof AltResult && (x = ((AltResult) s).ex) != null) {
                                d.completeThrowable(x, s);
                            } else {
                                d.completeNull();
                            }
                        }
                    } else if (!d.biApply(kind, r, s, fn, mode > 0 ? null : this)) {
                        return null;
                    }
                    src = null;
                    snd = null;
                    dep = null;
                    fn = null;
                    return d.postFire(a, b, mode);
                }
                case OR_APPLY:
                case OR_ACCEPT:
                case OR_RUN: {
                    CompletableFuture d = dep;
                    CompletableFuture<?> a = src;
                    CompletableFuture<?> b = snd;
                    Object r;
                    if (a == null || b == null || ((r = a.result) == null && (r = b.result) == null) || d == null
                            || fn == null) {
                        return null;
                    }
                    if (d.result == null) {
                        try {
                            if (mode <= 0 && !claim()) {
                                return null;
                            }
                            Throwable x;
                            if (r instanceof AltResult && (x = ((AltResult) r).ex) != null) {
                                d.completeThrowable(x, r);
                            } else {
                                if (r instanceof AltResult) {
                                    r = null;
                                }
                                if (kind == OR_APPLY) {
                                    d.completeValue(((Function) fn).apply(r));
                                } else if (kind == OR_ACCEPT) {
                                    ((Consumer) fn).accept(r);
                                    d.completeNull();
                                } else {
                                    ((Runnable) fn).run();
                                    d.completeNull();
                                }
                            }
                        } catch (Throwable ex) {
                            d.completeThrowable(ex);
                        }
                    }
                    src = null;
                    snd = null;
                    dep = null;
                    fn = null;
                    return d.postFire(a, b, mode);
                }
                case ANY_OF: {
                    CompletableFuture d = dep;
                    CompletableFuture<?> a = src;
                    CompletableFuture<?>[] as = srcs;
                    Object r;
                    if (d == null || a == null || (r = a.result) == null || as == null) {
                        return null;
                    }
                    dep = null;
                    src = null;
                    srcs = null;
                    if (d.completeRelay(r)) {
                        for (CompletableFuture<?> b : as) {
                            if (b != a) {
                                b.cleanStack();
                            }
                        }
                        if (mode < 0) {
                            return d;
                        }
                        d.postComplete();
                    }
                    return null;
                }
                default:
                    throw new AssertionError();
            }
        }
    }

    // ----- shared steps -----

    @SuppressWarnings({"unchecked", "rawtypes"})
    final boolean uniWhenComplete(Object r, BiConsumer f, Completion c) {
        Object t;
        Throwable x = null;
        if (result == null) {
            try {
                if (c != null && !c.claim()) {
                    return false;
                }
                if (r instanceof AltResult) {
                    x = ((AltResult) r).ex;
                    t = null;
                } else {
                    t = r;
                }
                f.accept(t, x);
                if (x == null) {
                    internalComplete(r);
                    return true;
                }
            } catch (Throwable ex) {
                if (x == null) {
                    x = ex;
                } else if (x != ex) {
                    x.addSuppressed(ex);
                }
            }
            completeThrowable(x, r);
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    final boolean uniHandle(Object r, BiFunction f, Completion c) {
        Object s;
        Throwable x;
        if (result == null) {
            try {
                if (c != null && !c.claim()) {
                    return false;
                }
                if (r instanceof AltResult) {
                    x = ((AltResult) r).ex;
                    s = null;
                } else {
                    x = null;
                    s = r;
                }
                completeValue(f.apply(s, x));
            } catch (Throwable ex) {
                completeThrowable(ex);
            }
        }
        return true;
    }

    /**
     * As JDK 17 (since JDK 12): the claim comes first, so an async stage's executor gets the task
     * even when the source completed normally and there is no function to run (JDK 8 claimed only
     * for an exception).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    final boolean uniExceptionally(Object r, Function f, Completion c) {
        Throwable x;
        if (result == null) {
            try {
                if (c != null && !c.claim()) {
                    return false;
                }
                if (r instanceof AltResult && (x = ((AltResult) r).ex) != null) {
                    completeValue(f.apply(x));
                } else {
                    internalComplete(r);
                }
            } catch (Throwable ex) {
                completeThrowable(ex);
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    final boolean biApply(int kind, Object r, Object s, Object f, Completion c) {
        Throwable x;
        if (result == null) {
            if (r instanceof AltResult) {
                if ((x = ((AltResult) r).ex) != null) {
                    completeThrowable(x, r);
                    return true;
                }
                r = null;
            }
            if (s instanceof AltResult) {
                if ((x = ((AltResult) s).ex) != null) {
                    completeThrowable(x, s);
                    return true;
                }
                s = null;
            }
            try {
                if (c != null && !c.claim()) {
                    return false;
                }
                if (kind == BI_APPLY) {
                    completeValue(((BiFunction) f).apply(r, s));
                } else if (kind == BI_ACCEPT) {
                    ((BiConsumer) f).accept(r, s);
                    completeNull();
                } else {
                    ((Runnable) f).run();
                    completeNull();
                }
            } catch (Throwable ex) {
                completeThrowable(ex);
            }
        }
        return true;
    }

    /**
     * A stage as this class: ours as is; another stage through its toCompletableFuture (whose
     * JDK return type is this class once renamed, so the cast holds in the VM).
     */
    @SuppressWarnings("unchecked")
    static <U> CompletableFuture<U> asOurs(CompletionStage<U> s) {
        if (s == null) {
            // the JDK's helpful message for its f.apply(t).toCompletableFuture() (JDK 17 HotSpot)
            throw new NullPointerException("Cannot invoke \"java.util.concurrent.CompletionStage.toCompletableFuture()\" because the return value of \"java.util.function.Function.apply(Object)\" is null");
        }
        if (s instanceof CompletableFuture) {
            return (CompletableFuture<U>) s;
        }
        Object o = s.toCompletableFuture();
        if (o == null) {
            throw new NullPointerException();
        }
        return (CompletableFuture<U>) o;
    }

    /** The other stage of a binary stage (the JDK's o.toCompletableFuture(), same NPE message). */
    static <U> CompletableFuture<U> otherStage(CompletionStage<U> o) {
        if (o == null) {
            throw new NullPointerException("Cannot invoke \"java.util.concurrent.CompletionStage.toCompletableFuture()\" because \"o\" is null");
        }
        return asOurs(o);
    }

    static Executor screenExecutor(Executor e) {
        if (e == null) {
            throw new NullPointerException();
        }
        return e;
    }

    // ----- stage builders -----

    private <V> CompletableFuture<V> uniStage(int kind, Executor e, Object f) {
        if (f == null) {
            throw new NullPointerException();
        }
        Object r = result;
        CompletableFuture<V> d = newIncompleteFuture();
        if (r == null) {
            unipush(new Completion(kind, e, d, this, null, f, null));
            return d;
        }
        Completion c = new Completion(kind, null, d, this, null, f, null);
        if (kind == WHEN || kind == HANDLE || kind == EXCEPTIONALLY) {
            if (e == null) {
                c.tryFire(ASYNC_NOW);
            } else {
                try {
                    e.execute(c);
                } catch (Throwable ex) {
                    d.result = encodeThrowable(ex);
                }
            }
            return d;
        }
        Throwable x;
        if (r instanceof AltResult && (x = ((AltResult) r).ex) != null) {
            d.result = encodeThrowable(x, r);
            return d;
        }
        try {
            if (e != null) {
                e.execute(c);
            } else {
                c.tryFire(ASYNC_NOW);
            }
        } catch (Throwable ex) {
            d.result = encodeThrowable(ex);
        }
        return d;
    }

    /** Mode of an action run at once by the caller (no claim, no postComplete: d is new). */
    static final int ASYNC_NOW = 2;

    private <V> CompletableFuture<V> biStage(int kind, Executor e, CompletionStage<?> o, Object f) {
        CompletableFuture<?> b;
        if (f == null || (b = otherStage(o)) == null) {
            throw new NullPointerException();
        }
        CompletableFuture<V> d = newIncompleteFuture();
        Object r;
        Object s;
        if ((r = result) == null || (s = b.result) == null) {
            bipush(b, new Completion(kind, e, d, this, b, f, null));
        } else if (e == null) {
            d.biApply(kind, r, s, f, null);
        } else {
            try {
                e.execute(new Completion(kind, null, d, this, b, f, null));
            } catch (Throwable ex) {
                d.result = encodeThrowable(ex);
            }
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private <V> CompletableFuture<V> orStage(int kind, Executor e, CompletionStage<?> o, Object f) {
        CompletableFuture<?> b;
        if (f == null || (b = otherStage(o)) == null) {
            throw new NullPointerException();
        }
        Object r;
        CompletableFuture<?> z;
        if ((r = (z = this).result) != null || (r = (z = b).result) != null) {
            return (CompletableFuture<V>) z.uniStage(kind == OR_APPLY ? APPLY : kind == OR_ACCEPT ? ACCEPT : RUN, e, f);
        }
        CompletableFuture<V> d = newIncompleteFuture();
        orpush(b, new Completion(kind, e, d, this, b, f, null));
        return d;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <V> CompletableFuture<V> composeStage(Executor e, Function<? super T, ? extends CompletionStage<V>> f) {
        if (f == null) {
            throw new NullPointerException();
        }
        CompletableFuture<V> d = newIncompleteFuture();
        Object r = result;
        Object s;
        Throwable x;
        if (r == null) {
            unipush(new Completion(COMPOSE, e, d, this, null, f, null));
            return d;
        }
        if (r instanceof AltResult) {
            if ((x = ((AltResult) r).ex) != null) {
                d.result = encodeThrowable(x, r);
                return d;
            }
            r = null;
        }
        try {
            if (e != null) {
                e.execute(new Completion(COMPOSE, null, d, this, null, f, null));
            } else {
                CompletableFuture<V> g = asOurs(f.apply((T) r));
                if ((s = g.result) != null) {
                    d.result = encodeRelay(s);
                } else {
                    g.unipush(new Completion(RELAY, null, d, g, null, null, null));
                }
            }
        } catch (Throwable ex) {
            d.result = encodeThrowable(ex);
        }
        return d;
    }

    private CompletableFuture<T> composeExceptionallyStage(Executor e,
            Function<Throwable, ? extends CompletionStage<T>> f) {
        if (f == null) {
            throw new NullPointerException();
        }
        CompletableFuture<T> d = newIncompleteFuture();
        Object r = result;
        Object s;
        Throwable x;
        if (r == null) {
            unipush(new Completion(EXC_COMPOSE, e, d, this, null, f, null));
        } else if (!(r instanceof AltResult) || (x = ((AltResult) r).ex) == null) {
            d.internalComplete(r);
        } else {
            try {
                if (e != null) {
                    e.execute(new Completion(EXC_COMPOSE, null, d, this, null, f, null));
                } else {
                    CompletableFuture<T> g = asOurs(f.apply(x));
                    if ((s = g.result) != null) {
                        d.result = encodeRelay(s);
                    } else {
                        g.unipush(new Completion(RELAY, null, d, g, null, null, null));
                    }
                }
            } catch (Throwable ex) {
                d.result = encodeThrowable(ex);
            }
        }
        return d;
    }

    // ----- static factories -----

    /** Default async executor: a new daemon guest thread per task (see the class comment). */
    static final class ThreadPerTaskExecutor implements Executor {
        @Override
        public void execute(Runnable r) {
            if (r == null) {
                throw new NullPointerException();
            }
            Thread t = new Thread(r);
            t.setDaemon(true);
            t.start();
        }
    }

    private static final Executor ASYNC_POOL = new ThreadPerTaskExecutor();

    static final class AsyncSupply<U> implements Runnable {
        CompletableFuture<U> dep;
        Supplier<? extends U> fn;

        AsyncSupply(CompletableFuture<U> dep, Supplier<? extends U> fn) {
            this.dep = dep;
            this.fn = fn;
        }

        @Override
        public void run() {
            CompletableFuture<U> d = dep;
            Supplier<? extends U> f = fn;
            if (d != null && f != null) {
                dep = null;
                fn = null;
                if (d.result == null) {
                    try {
                        d.completeValue(f.get());
                    } catch (Throwable ex) {
                        d.completeThrowable(ex);
                    }
                }
                d.postComplete();
            }
        }
    }

    static final class AsyncRun implements Runnable {
        CompletableFuture<Void> dep;
        Runnable fn;

        AsyncRun(CompletableFuture<Void> dep, Runnable fn) {
            this.dep = dep;
            this.fn = fn;
        }

        @Override
        public void run() {
            CompletableFuture<Void> d = dep;
            Runnable f = fn;
            if (d != null && f != null) {
                dep = null;
                fn = null;
                if (d.result == null) {
                    try {
                        f.run();
                        d.completeNull();
                    } catch (Throwable ex) {
                        d.completeThrowable(ex);
                    }
                }
                d.postComplete();
            }
        }
    }

    public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        return supplyAsync(supplier, ASYNC_POOL);
    }

    public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier, Executor executor) {
        Executor e = screenExecutor(executor);
        if (supplier == null) {
            throw new NullPointerException();
        }
        CompletableFuture<U> d = new CompletableFuture<U>();
        e.execute(new AsyncSupply<U>(d, supplier));
        return d;
    }

    public static CompletableFuture<Void> runAsync(Runnable runnable) {
        return runAsync(runnable, ASYNC_POOL);
    }

    public static CompletableFuture<Void> runAsync(Runnable runnable, Executor executor) {
        Executor e = screenExecutor(executor);
        if (runnable == null) {
            throw new NullPointerException();
        }
        CompletableFuture<Void> d = new CompletableFuture<Void>();
        e.execute(new AsyncRun(d, runnable));
        return d;
    }

    public static <U> CompletableFuture<U> completedFuture(U value) {
        return new CompletableFuture<U>(encodeValue(value));
    }

    public static <U> CompletableFuture<U> failedFuture(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        return new CompletableFuture<U>(new AltResult(ex));
    }

    public static CompletableFuture<Void> allOf(CompletableFuture<?>... cfs) {
        return andTree(cfs, 0, cfs.length - 1);
    }

    static CompletableFuture<Void> andTree(CompletableFuture<?>[] cfs, int lo, int hi) {
        CompletableFuture<Void> d = new CompletableFuture<Void>();
        if (lo > hi) {
            d.result = NIL;
        } else {
            CompletableFuture<?> a;
            CompletableFuture<?> b;
            Object r;
            Object s;
            Object z;
            Throwable x;
            int mid = (lo + hi) >>> 1;
            if ((a = (lo == mid ? cfs[lo] : andTree(cfs, lo, mid))) == null
                    || (b = (lo == hi ? a : (hi == mid + 1) ? cfs[hi] : andTree(cfs, mid + 1, hi))) == null) {
                throw new NullPointerException();
            }
            if ((r = a.result) == null || (s = b.result) == null) {
                a.bipush(b, new Completion(BI_RELAY, null, d, a, b, null, null));
            } else if ((r instanceof AltResult && (x = ((AltResult) (z = r)).ex) != null)
                    || (s instanceof AltResult && (x = ((AltResult) (z = s)).ex) != null)) {
                d.result = encodeThrowable(x, z);
            } else {
                d.result = NIL;
            }
        }
        return d;
    }

    public static CompletableFuture<Object> anyOf(CompletableFuture<?>... cfs) {
        int n = cfs.length;
        Object r;
        if (n <= 1) {
            if (n == 0) {
                return new CompletableFuture<Object>();
            }
            CompletableFuture<?> src = cfs[0];
            CompletableFuture<Object> d = new CompletableFuture<Object>();
            if ((r = src.result) != null) {
                d.result = encodeRelay(r);
            } else {
                src.unipush(new Completion(RELAY, null, d, src, null, null, null));
            }
            return d;
        }
        for (CompletableFuture<?> cf : cfs) {
            if ((r = cf.result) != null) {
                return new CompletableFuture<Object>(encodeRelay(r));
            }
        }
        cfs = cfs.clone();
        CompletableFuture<Object> d = new CompletableFuture<Object>();
        for (CompletableFuture<?> cf : cfs) {
            Completion c = new Completion(ANY_OF, null, d, cf, null, null, null);
            c.srcs = cfs;
            cf.unipush(c);
        }
        if (d.result != null) {
            for (int i = 0, len = cfs.length; i < len; i++) {
                if (cfs[i].result != null) {
                    for (i++; i < len; i++) {
                        if (cfs[i].result == null) {
                            cfs[i].cleanStack();
                        }
                    }
                }
            }
        }
        return d;
    }

    // ----- Future -----

    @Override
    public boolean isDone() {
        return result != null;
    }

    private Object waitingGet(boolean interruptible) throws InterruptedException {
        Object r;
        boolean interrupted = false;
        synchronized (this) {
            while ((r = result) == null) {
                if (interruptible && Thread.interrupted()) {
                    throw new InterruptedException();
                }
                waiters++;
                try {
                    wait();
                } catch (InterruptedException ie) {
                    if (interruptible) {
                        throw ie;
                    }
                    interrupted = true;
                } finally {
                    waiters--;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return r;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        Object r = result;
        return reportGet(r == null ? waitingGet(true) : r);
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        Object r = result;
        if (r == null) {
            synchronized (this) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long deadline = System.nanoTime() + nanos;
                while ((r = result) == null) {
                    if (nanos <= 0L) {
                        throw new TimeoutException();
                    }
                    waiters++;
                    try {
                        wait(nanos / 1000000L, (int) (nanos % 1000000L));
                    } finally {
                        waiters--;
                    }
                    nanos = deadline - System.nanoTime();
                }
            }
        }
        return reportGet(r);
    }

    public T join() {
        Object r = result;
        if (r == null) {
            try {
                r = waitingGet(false);
            } catch (InterruptedException cannotHappen) {
                throw new AssertionError(cannotHappen);
            }
        }
        return reportJoin(r);
    }

    public T getNow(T valueIfAbsent) {
        Object r = result;
        return r == null ? valueIfAbsent : reportJoin(r);
    }

    @SuppressWarnings("unchecked")
    private static <T> T reportGet(Object r) throws ExecutionException {
        if (r instanceof AltResult) {
            Throwable x = ((AltResult) r).ex;
            if (x == null) {
                return null;
            }
            if (x instanceof CancellationException) {
                throw (CancellationException) x;
            }
            Throwable cause;
            if (x instanceof CompletionException && (cause = x.getCause()) != null) {
                x = cause;
            }
            throw new ExecutionException(x);
        }
        return (T) r;
    }

    @SuppressWarnings("unchecked")
    private static <T> T reportJoin(Object r) {
        if (r instanceof AltResult) {
            Throwable x = ((AltResult) r).ex;
            if (x == null) {
                return null;
            }
            if (x instanceof CancellationException) {
                throw (CancellationException) x;
            }
            if (x instanceof CompletionException) {
                throw (CompletionException) x;
            }
            throw new CompletionException(x);
        }
        return (T) r;
    }

    public boolean complete(T value) {
        boolean triggered = completeValue(value);
        postComplete();
        return triggered;
    }

    public boolean completeExceptionally(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        boolean triggered = internalComplete(new AltResult(ex));
        postComplete();
        return triggered;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = (result == null) && internalComplete(new AltResult(new CancellationException()));
        postComplete();
        return cancelled || isCancelled();
    }

    @Override
    public boolean isCancelled() {
        Object r = result;
        return r instanceof AltResult && ((AltResult) r).ex instanceof CancellationException;
    }

    public boolean isCompletedExceptionally() {
        Object r = result;
        return r instanceof AltResult && r != NIL;
    }

    public void obtrudeValue(T value) {
        result = encodeValue(value);
        synchronized (this) {
            notifyAll();
        }
        postComplete();
    }

    public void obtrudeException(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        result = new AltResult(ex);
        synchronized (this) {
            notifyAll();
        }
        postComplete();
    }

    public int getNumberOfDependents() {
        int count = 0;
        synchronized (this) {
            for (Completion p = stack; p != null; p = p.next) {
                ++count;
            }
            count += waiters;
        }
        return count;
    }

    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<U>();
    }

    public Executor defaultExecutor() {
        return ASYNC_POOL;
    }

    /**
     * This future as the type the JDK's interface names: {@code this} in the VM (where this class
     * is java.util.concurrent.CompletableFuture); {@code null} on the host JVM.
     */
    @Override
    @SuppressWarnings("unchecked")
    public java.util.concurrent.CompletableFuture<T> toCompletableFuture() {
        Object self = this;
        return self instanceof java.util.concurrent.CompletableFuture ? (java.util.concurrent.CompletableFuture<T>) self : null;
    }

    @Override
    public String toString() {
        Object r = result;
        int count = 0;
        if (r == null) {
            count = getNumberOfDependents();
        }
        String status;
        if (r == null) {
            status = count == 0 ? "[Not completed]" : "[Not completed, ".concat(String.valueOf(count)).concat(" dependents]");
        } else if (r instanceof AltResult && ((AltResult) r).ex != null) {
            status = "[Completed exceptionally: ".concat(String.valueOf(((AltResult) r).ex)).concat("]");
        } else {
            status = "[Completed normally]";
        }
        return super.toString().concat(status);
    }

    // ----- CompletionStage -----

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return uniStage(APPLY, null, fn);
    }

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
        return uniStage(APPLY, defaultExecutor(), fn);
    }

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
        return uniStage(APPLY, screenExecutor(executor), fn);
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return uniStage(ACCEPT, null, action);
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action) {
        return uniStage(ACCEPT, defaultExecutor(), action);
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
        return uniStage(ACCEPT, screenExecutor(executor), action);
    }

    @Override
    public CompletableFuture<Void> thenRun(Runnable action) {
        return uniStage(RUN, null, action);
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action) {
        return uniStage(RUN, defaultExecutor(), action);
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action, Executor executor) {
        return uniStage(RUN, screenExecutor(executor), action);
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other,
            BiFunction<? super T, ? super U, ? extends V> fn) {
        return biStage(BI_APPLY, null, other, fn);
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombineAsync(CompletionStage<? extends U> other,
            BiFunction<? super T, ? super U, ? extends V> fn) {
        return biStage(BI_APPLY, defaultExecutor(), other, fn);
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombineAsync(CompletionStage<? extends U> other,
            BiFunction<? super T, ? super U, ? extends V> fn, Executor executor) {
        return biStage(BI_APPLY, screenExecutor(executor), other, fn);
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other,
            BiConsumer<? super T, ? super U> action) {
        return biStage(BI_ACCEPT, null, other, action);
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
            BiConsumer<? super T, ? super U> action) {
        return biStage(BI_ACCEPT, defaultExecutor(), other, action);
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
            BiConsumer<? super T, ? super U> action, Executor executor) {
        return biStage(BI_ACCEPT, screenExecutor(executor), other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return biStage(BI_RUN, null, other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
        return biStage(BI_RUN, defaultExecutor(), other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return biStage(BI_RUN, screenExecutor(executor), other, action);
    }

    @Override
    public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return orStage(OR_APPLY, null, other, fn);
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return orStage(OR_APPLY, defaultExecutor(), other, fn);
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn,
            Executor executor) {
        return orStage(OR_APPLY, screenExecutor(executor), other, fn);
    }

    @Override
    public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return orStage(OR_ACCEPT, null, other, action);
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return orStage(OR_ACCEPT, defaultExecutor(), other, action);
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action,
            Executor executor) {
        return orStage(OR_ACCEPT, screenExecutor(executor), other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return orStage(OR_RUN, null, other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
        return orStage(OR_RUN, defaultExecutor(), other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return orStage(OR_RUN, screenExecutor(executor), other, action);
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return composeStage(null, fn);
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
        return composeStage(defaultExecutor(), fn);
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn,
            Executor executor) {
        return composeStage(screenExecutor(executor), fn);
    }

    @Override
    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return uniStage(WHEN, null, action);
    }

    @Override
    public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return uniStage(WHEN, defaultExecutor(), action);
    }

    @Override
    public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action, Executor executor) {
        return uniStage(WHEN, screenExecutor(executor), action);
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return uniStage(HANDLE, null, fn);
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return uniStage(HANDLE, defaultExecutor(), fn);
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
        return uniStage(HANDLE, screenExecutor(executor), fn);
    }

    @Override
    public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return uniStage(EXCEPTIONALLY, null, fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn) {
        return uniStage(EXCEPTIONALLY, defaultExecutor(), fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn, Executor executor) {
        return uniStage(EXCEPTIONALLY, screenExecutor(executor), fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return composeExceptionallyStage(null, fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return composeExceptionallyStage(defaultExecutor(), fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn,
            Executor executor) {
        return composeExceptionallyStage(screenExecutor(executor), fn);
    }
}
