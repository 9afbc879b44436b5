package dev.timeline.engine.state;

import java.util.Arrays;

/**
 * Where the time of each write goes, for latency probes: the {@link System#nanoTime()} at which it
 * passed each stage on its way from the caller through the writer and back, kept per
 * acknowledgement slot and handed to the {@link Listener} on the thread that gets the outcome.
 * <p>
 * Off unless the JVM runs with {@code -Dtimeline.stages=true} (or the property is set before the
 * engine's classes load): every use is behind {@link #ENABLED}, a constant the JIT folds, so the
 * engine pays nothing for it otherwise. A stage a command does not pass (a follow that changed
 * nothing is not journaled) reads 0.
 */
public final class CommandStages
{
    /** Whether stages are recorded, fixed when this class loads. */
    public static final boolean ENABLED = Boolean.getBoolean("timeline.stages");

    /** Caller: the command is written to the inbox, about to be committed. */
    public static final int SUBMITTED = 0;
    /** Writer: took the command from the inbox. */
    public static final int PICKED_UP = 1;
    /** Writer: appended the command to the journal. */
    public static final int JOURNALED = 2;
    /** Writer: applied the command to the state and handed a post on to the other partitions. */
    public static final int APPLIED = 3;
    /** Writer: gave the outcome to the slot, once the batch was done and the post visible everywhere. */
    public static final int ACKNOWLEDGED = 4;
    /** The caller has the outcome: woken with it, or about to complete its future on the writer. */
    public static final int ANSWERED = 5;
    /** How many stages there are. */
    public static final int COUNT = 6;

    private static final Listener NONE = (stamps, offset) -> {};
    private static volatile Listener listener = NONE;

    private final long[] stamps;

    CommandStages(final int slots)
    {
        stamps = new long[slots * COUNT];
    }

    /** Told of every write's stages, on the thread that gets its outcome; until replaced. */
    public static void listener(final Listener listener)
    {
        CommandStages.listener = null == listener ? NONE : listener;
    }

    /** Records that the command in {@code slot} passed {@code stage} now. */
    void stamp(final int slot, final int stage)
    {
        stamps[slot * COUNT + stage] = System.nanoTime();
    }

    /**
     * The caller of {@code slot} has the outcome: the listener gets its stages, and they are cleared.
     * Before the slot is freed, so no other write stamps it meanwhile.
     */
    void answer(final int slot)
    {
        stamp(slot, ANSWERED);
        final int offset = slot * COUNT;
        listener.onStages(stamps, offset);
        clear(slot);
    }

    /** Clears the stages of {@code slot}, as a write that was never answered leaves them. */
    void clear(final int slot)
    {
        final int offset = slot * COUNT;
        Arrays.fill(stamps, offset, offset + COUNT, 0);
    }

    /** Receives the stages of each write. */
    @FunctionalInterface
    public interface Listener
    {
        /**
         * @param stamps the nanosecond time of each stage at {@code offset + }{@link #SUBMITTED} to
         *               {@code offset + }{@link #ANSWERED}; valid only during the call.
         */
        void onStages(long[] stamps, int offset);
    }
}
