package dev.timeline.bench;

import org.HdrHistogram.Recorder;

/**
 * One implementation in the comparison with the baselines, its follow graph loaded. Posts and reads
 * are driven from one calling thread; an implementation may use more threads of its own.
 */
interface Contender extends AutoCloseable
{
    /** The most posts it has submitted and not yet seen acknowledged at any time. */
    int inFlight();

    /**
     * Posts {@code posts} {@code from} (inclusive) {@code to} (exclusive) and returns once every one
     * is acknowledged, recording each post's latency in nanoseconds, from its submission to its
     * acknowledgement, into {@code latency}.
     */
    void post(Posts posts, int from, int to, Recorder latency);

    /** Entries written into home timelines so far. */
    long deliveries();

    /**
     * Reads the {@code limit} newest tweets of {@code user}'s home timeline, with their authors and texts.
     *
     * @return how many tweets were read.
     */
    int home(long user, int limit);

    @Override
    void close();
}
