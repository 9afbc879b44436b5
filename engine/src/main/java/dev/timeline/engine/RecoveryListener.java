package dev.timeline.engine;

/** Told how far recovery has got while {@link TimelineEngine#open(EngineConfig)} replays a journal. */
@FunctionalInterface
public interface RecoveryListener
{
    /**
     * @param replayed events replayed so far.
     * @param total    events to replay in all.
     */
    void onProgress(long replayed, long total);
}
