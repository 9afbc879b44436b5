package dev.timeline.engine;

import dev.timeline.engine.model.ModelTarget;
import dev.timeline.engine.model.ReferenceTimelines;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * An embedded engine as a model target: it is closed and recovered from its data directory, each
 * time with the next of its shapes, as the settings a directory was written with change no answer;
 * every second recovery ignores the snapshots and replays the whole journal.
 */
final class EngineTarget implements ModelTarget
{
    private final List<EngineShape> shapes;
    private final Path dataDirectory;
    private EngineShape shape;
    private TimelineEngine engine;
    private int opens;

    /** Opens the engine with the first of {@code shapes}; each recovery takes the next, round and round. */
    EngineTarget(final List<EngineShape> shapes, final Path dataDirectory)
    {
        this.shapes = shapes;
        this.dataDirectory = dataDirectory;
        open();
    }

    @Override
    public Timelines writer(final Random random)
    {
        return engine;
    }

    @Override
    public Timelines reader(final Random random)
    {
        return engine;
    }

    @Override
    public void recover()
    {
        engine.close();
        open();
    }

    @Override
    public void assertSameCounts(final ReferenceTimelines reference, final String where)
    {
        ReferenceChecks.assertSameCounts(reference, engine, where);
    }

    @Override
    public void close()
    {
        engine.close();
    }

    @Override
    public String toString()
    {
        return shape + ", open " + opens;
    }

    private void open()
    {
        shape = shapes.get(opens % shapes.size());
        engine = TimelineEngine.open(shape.config(dataDirectory).ignoreSnapshots(opens % 2 == 1));
        opens++;
    }
}
