package dev.timeline.engine;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The settings a model run varies: every strategy, a capacity so small that timelines trim all the
 * time and reads fall back to merging, and a celebrity threshold low enough for authors to cross it
 * both ways. A new dimension (partitions) is one more field here and one more loop in {@link #all()}.
 */
record EngineShape(Strategy strategy, int timelineCapacity, int celebrityThreshold)
{
    private static final int[] CAPACITIES = {1, 6, EngineConfig.DEFAULT_TIMELINE_CAPACITY};
    private static final int[] THRESHOLDS = {3, EngineConfig.DEFAULT_CELEBRITY_THRESHOLD};

    static Stream<EngineShape> all()
    {
        final Stream.Builder<EngineShape> shapes = Stream.builder();
        for (final Strategy strategy : Strategy.values())
        {
            for (final int capacity : CAPACITIES)
            {
                for (final int threshold : THRESHOLDS)
                {
                    shapes.add(new EngineShape(strategy, capacity, threshold));
                }
            }
        }
        return shapes.build();
    }

    EngineConfig config(final Path dataDirectory)
    {
        return new EngineConfig()
            .dataDirectory(dataDirectory)
            .strategy(strategy)
            .timelineCapacity(timelineCapacity)
            .celebrityThreshold(celebrityThreshold);
    }

    @Override
    public String toString()
    {
        return strategy + " capacity " + timelineCapacity + " threshold " + celebrityThreshold;
    }
}
