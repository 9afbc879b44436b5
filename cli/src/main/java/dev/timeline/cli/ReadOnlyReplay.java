package dev.timeline.cli;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.EngineStats;
import dev.timeline.engine.RecoveryReport;
import dev.timeline.engine.TimelineEngine;

import java.nio.file.Path;

/**
 * What rebuilding the state of a data directory, read-only, found: how recovery went and the state
 * it left. Progress is shown as a bar while the journal replays.
 */
record ReadOnlyReplay(RecoveryReport report, EngineStats stats)
{
    /**
     * Recovers {@code directory} without writing to it, and closes the engine again.
     *
     * @param journalOnly whether to ignore snapshots and replay, so check, every event of the journal.
     */
    static ReadOnlyReplay of(final Path directory, final boolean journalOnly, final ProgressLine progress)
    {
        final EngineConfig config = new EngineConfig()
            .dataDirectory(directory)
            .readOnly(true)
            .ignoreSnapshots(journalOnly)
            .recoveryListener(new ReplayProgress(progress));
        try (TimelineEngine engine = TimelineEngine.open(config))
        {
            return new ReadOnlyReplay(engine.recovery(), engine.stats());
        }
        finally
        {
            progress.clear();
        }
    }
}
