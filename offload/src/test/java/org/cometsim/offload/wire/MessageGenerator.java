package org.cometsim.offload.wire;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.cometsim.dalvik.hooks.FrameCapture;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * Random valid {@link Message}s from a seed (the same seed, the same messages), leaning on edge
 * cases: empty lists, extreme and negative ints, strings with unpaired surrogates and U+0000,
 * slot runs next to singletons, long runs, thread images with many frames, wide registers and
 * null references.
 */
final class MessageGenerator {
    private final SplittableRandom random;

    MessageGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Message kinds, by tag, that {@link #next()} picks from evenly. */
    static final int KINDS = 11;

    Message next() {
        return of(1 + random.nextInt(KINDS));
    }

    /** A random message with tag {@code tag}. */
    Message of(int tag) {
        return switch (tag) {
            case 1 -> new Message.Hello(random.nextInt(65536), list(4, this::dexInfo));
            case 2 -> new Message.DexRequest(list(4, this::sha1));
            case 3 -> new Message.DexData(list(3, () -> new Message.DexFile(sha1(), bytes(300))));
            case 4 -> new Message.Ready();
            case 5 -> sync();
            case 6 -> new Message.SyncAck(anyInt());
            case 7 -> new Message.OwnershipRequest(lockable(), random.nextBoolean());
            case 8 -> new Message.Notify(lockable(), random.nextBoolean());
            case 9 -> new Message.Interrupt(anyInt());
            case 10 -> new Message.ThreadStarted(anyInt(), random.nextBoolean());
            case 11 -> trimMarks();
            default -> throw new IllegalArgumentException("tag " + tag);
        };
    }

    Message.Sync sync() {
        return new Message.Sync(anyInt(),
                list(4, () -> new Message.ClassDef(classId(), string())),
                list(4, () -> new Message.ClassStatus(classId(), random.nextInt(VmClass.INIT_ERROR + 1), anyInt())),
                list(8, () -> new Message.NewObject(objectIdNotNull(), shape())),
                list(6, this::update),
                random.nextInt(3) == 0 ? new Message.Move(thread()) : null,
                random.nextInt(4) == 0 ? new Message.Ended(anyInt(), objectId(), random.nextBoolean()) : null,
                list(3, () -> new Message.Grant(lockable(), random.nextBoolean(), count())),
                anyInt(),
                list(4, () -> new Message.IdentityHash(objectIdNotNull(), anyInt())),
                list(3, this::thread),
                count());
    }

    /** Ascending, non-adjacent runs in both spaces (up to the last id of each), or a last, empty round. */
    Message.TrimMarks trimMarks() {
        int round = random.nextInt(4) == 0 ? Integer.MAX_VALUE : random.nextInt(100);
        if (random.nextInt(4) == 0) {
            return new Message.TrimMarks(round, true, List.of());
        }
        List<Message.IdRun> runs = new java.util.ArrayList<>();
        for (int space : new int[] {Ids.PHONE_SPACE, Ids.SERVER_SPACE}) {
            long next = random.nextInt(3) == 0 ? 0 : random.nextInt(1000);
            int n = random.nextInt(5);
            for (int i = 0; i < n && next <= Ids.MAX_INDEX; i++) {
                long room = Ids.MAX_INDEX - next + 1;
                int count = (int) Math.min(room, random.nextInt(3) == 0 ? room : 1 + random.nextInt(2000));
                runs.add(new Message.IdRun(Ids.objectId(space, (int) next), count));
                next += count + 1 + random.nextInt(50);
            }
        }
        return new Message.TrimMarks(round, false, runs);
    }

    // ------------------------------------------------------------------ parts

    private Message.DexInfo dexInfo() {
        return new Message.DexInfo(string(), sha1(), count());
    }

    byte[] sha1() {
        return bytes(20, 20);
    }

    Message.Shape shape() {
        return switch (random.nextInt(7)) {
            case 0 -> new Message.GuestShape(classId(), anyInt());
            case 1 -> new Message.ArrayShape(classId(), count(), anyInt());
            case 2 -> new Message.StringShape(string());
            case 3 -> new Message.BoxShape("ZBCSIJFD".charAt(random.nextInt(8)), anyLong());
            case 4 -> new Message.ValueShape(string(), string());
            case 5 -> new Message.EnumShape(classId(), string());
            default -> new Message.WellKnownShape(string());
        };
    }

    /**
     * Slots as a mix of runs and singletons (sometimes one long run: a whole array), values 1, 2,
     * 4 or 8 bytes each, as the slots' types would make them.
     */
    Message.Update update() {
        int want = random.nextInt(10) == 0 ? 1 + random.nextInt(5000) : random.nextInt(12);
        // Sometimes right below the largest slot (Integer.MAX_VALUE - 1, the last index an array can have).
        long next = random.nextInt(3) == 0 ? Integer.MAX_VALUE - 1 - random.nextInt(2 * want + 3) : random.nextInt(100);
        int[] slots = new int[want];
        int n = 0;
        while (n < want && next <= Integer.MAX_VALUE - 1) {
            slots[n++] = (int) next;
            next += random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
        }
        slots = java.util.Arrays.copyOf(slots, n);
        int width = 1 << random.nextInt(4);
        byte[] values = bytes(n * width, n * width);
        int id = random.nextInt(4) == 0 ? classId() : objectIdNotNull();
        return new Message.Update(id, slots, values);
    }

    ThreadImage thread() {
        List<FrameCapture.FrameState> frames = list(6, this::frame);
        List<ThreadImage.HeldMonitor> held = list(3, () -> new ThreadImage.HeldMonitor(objectIdNotNull(), Math.max(1, count())));
        ThreadState state = ThreadState.values()[random.nextInt(ThreadState.values().length)];
        return new ThreadImage(anyInt(), string(), random.nextBoolean(), random.nextBoolean(), objectId(), frames, held,
                state, random.nextInt(Scheduler.PHASE_INTERRUPTED + 1), objectId(), count(),
                random.nextBoolean() ? Long.MAX_VALUE : anyLong(), objectId(), anyLong(), objectId());
    }

    /**
     * A frame as {@code FrameCapture.capture} makes one: a reference register has its id in
     * {@code refIds} and 0 in {@code words}; any other register its word in {@code words} (a wide
     * value its two halves in two registers) and 0 in {@code refIds}.
     */
    FrameCapture.FrameState frame() {
        int n = random.nextInt(8) == 0 ? random.nextInt(300) : random.nextInt(8);
        int[] words = new int[n];
        long[] refIds = new long[n];
        BitSet isRef = new BitSet(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                isRef.set(i);
                refIds[i] = objectIdNotNull();
            } else if (kind == 1 && i + 1 < n) {
                long wide = anyLong();
                words[i] = (int) wide;
                words[i + 1] = (int) (wide >>> 32);
                i++;
            } else {
                words[i] = anyInt();
            }
        }
        return new FrameCapture.FrameState(string(), string(), count(), words, isRef, refIds, random.nextBoolean(),
                random.nextBoolean() ? null : string());
    }

    // ------------------------------------------------------------------ values

    private static final String[] STRINGS = {
        "", "a", "Ljava/lang/Object;", "main([Ljava/lang/String;)V", "\u0000", "nul\u0000inside", "caf\u00e9",
        "\u4e2d\u6587", "\uD83D\uDE00 emoji", "\uD800", "\uDFFF", "lone \uDC00 low", "reversed \uDC00\uD800",
        "high at end \uD83D", "\u07ff\u0800\uffff\u0080\u007f",
    };

    String string() {
        int k = random.nextInt(STRINGS.length + 3);
        if (k < STRINGS.length) {
            return STRINGS[k];
        }
        int n = k == STRINGS.length ? random.nextInt(2000) : random.nextInt(20);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int bound = random.nextInt(3) == 0 ? 0x10000 : 0x80;
            b.append((char) random.nextInt(bound));
        }
        return b.toString();
    }

    int anyInt() {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> Integer.MAX_VALUE;
            case 3 -> Integer.MIN_VALUE;
            default -> random.nextInt();
        };
    }

    long anyLong() {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> Long.MAX_VALUE;
            case 3 -> Long.MIN_VALUE;
            default -> random.nextLong();
        };
    }

    /** A non-negative count or size, sometimes the largest. */
    int count() {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> Integer.MAX_VALUE;
            default -> random.nextInt(1000);
        };
    }

    int classId() {
        return Ids.classId(random.nextInt(4) == 0 ? Ids.MAX_CLASS_INDEX : random.nextInt(Ids.MAX_CLASS_INDEX + 1));
    }

    /** A phone or server object id, never null. */
    int objectIdNotNull() {
        int space = random.nextBoolean() ? Ids.PHONE_SPACE : Ids.SERVER_SPACE;
        return Ids.objectId(space, random.nextInt(5) == 0 ? Ids.MAX_INDEX : random.nextInt(1000));
    }

    /** What a lock or volatile can belong to: an object, or a class (a static synchronized method locks its class). */
    int lockable() {
        return random.nextInt(4) == 0 ? classId() : objectIdNotNull();
    }

    /** An object id or null. */
    int objectId() {
        return random.nextInt(5) == 0 ? Ids.NULL : objectIdNotNull();
    }

    byte[] bytes(int max) {
        return bytes(0, max);
    }

    private byte[] bytes(int min, int max) {
        byte[] b = new byte[min + random.nextInt(max - min + 1)];
        random.nextBytes(b);
        return b;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private <T> List<T> list(int max, java.util.function.Supplier<T> element) {
        int n = random.nextInt(max + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }
}
