package dev.timeline.engine;

/**
 * What {@link TimelineEngine#open(EngineConfig)} found and did to rebuild the state of a data directory.
 *
 * @param follows      follow events replayed.
 * @param unfollows    unfollow events replayed.
 * @param posts        post events replayed.
 * @param deletes      delete events replayed.
 * @param replayNanos  wall time spent replaying the journal.
 */
public record RecoveryReport(long follows, long unfollows, long posts, long deletes, long replayNanos)
{
    /** Every event replayed. */
    public long events()
    {
        return follows + unfollows + posts + deletes;
    }

    /** Events replayed per second, or 0 when nothing was replayed. */
    public double eventsPerSecond()
    {
        return replayNanos == 0 ? 0 : events() * 1e9 / replayNanos;
    }
}
