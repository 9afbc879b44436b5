package dev.timeline.cli;

import dev.timeline.engine.RecoveryReport;

/** What an engine's recovery did, in one line of words. */
final class RecoveryDescription
{
    private RecoveryDescription()
    {
    }

    /** Such as {@code snapshot of 1,200 events loaded in 0.10 s, then 30 journal events replayed in ...}. */
    static String of(final RecoveryReport report)
    {
        final String replayed = Format.count(report.events()) + " journal events replayed in " +
            Format.seconds(report.replayNanos()) + " (" + Format.rate(report.events(), report.replayNanos()) + " events/s)";
        if (report.snapshotEvents() == 0)
        {
            return replayed;
        }
        final String snapshot = "snapshot of " + Format.count(report.snapshotEvents()) + " events loaded in " +
            Format.seconds(report.snapshotNanos());
        return report.events() == 0 ? snapshot + ", no journal events after it" : snapshot + ", then " + replayed;
    }
}
