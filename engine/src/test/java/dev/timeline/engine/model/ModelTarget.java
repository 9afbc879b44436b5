package dev.timeline.engine.model;

import dev.timeline.engine.Timelines;

import java.util.Random;

/** What a {@link ModelRun} runs against: an embedded engine, or the members of a cluster. */
public interface ModelTarget extends AutoCloseable
{
    /** Where the next write goes; may draw from {@code random}. */
    Timelines writer(Random random);

    /** Where the next read goes: one that reflects every write acknowledged so far. */
    Timelines reader(Random random);

    /** Closes and recovers the target, as a crash and restart would. */
    void recover();

    /** At rest, the target counts what the reference holds. */
    void assertSameCounts(ReferenceTimelines reference, String where);

    @Override
    void close();
}
