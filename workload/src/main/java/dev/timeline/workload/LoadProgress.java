package dev.timeline.workload;

/** Told how far a load into an engine has come, such as {@link GraphLoader}'s or {@link PostLoader}'s. */
@FunctionalInterface
public interface LoadProgress
{
    /** Writes between two calls to {@link #loaded}. */
    int INTERVAL = 1 << 14;

    /** Does nothing. */
    LoadProgress NONE = (count, elapsedNanos) -> {};

    /**
     * Called on the loading thread every {@link #INTERVAL} writes submitted.
     *
     * @param count        writes submitted so far.
     * @param elapsedNanos time since the load began.
     */
    void loaded(long count, long elapsedNanos);
}
