package dev.timeline.engine;

/**
 * What {@link TimelineEngine#open(EngineConfig)} found and did to rebuild the state of a data directory.
 *
 * @param snapshotEvents journal events covered by the snapshot loaded, 0 if none was.
 * @param snapshotNanos  wall time spent loading the snapshot.
 * @param follows      follow events replayed.
 * @param unfollows    unfollow events replayed.
 * @param posts        post events replayed.
 * @param deletes      delete events replayed.
 * @param replayNanos  wall time spent replaying the journal.
 */
public record RecoveryReport(
    long snapshotEvents, long snapshotNanos, long follows, long unfollows, long posts, long deletes, long replayNanos)
{
    /** Every event replayed from the journal (after the snapshot). */
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
