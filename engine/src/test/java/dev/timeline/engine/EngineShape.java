package dev.timeline.engine;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The settings a model run varies: every strategy, a capacity so small that timelines trim all the
 * time and reads fall back to merging, a celebrity threshold low enough for authors to cross it
 * both ways, and one, two or four partitions.
 */
record EngineShape(int partitions, Strategy strategy, int timelineCapacity, int celebrityThreshold)
{
    static final int[] PARTITIONS = {1, 2, 4};
    private static final int[] CAPACITIES = {1, 6, EngineConfig.DEFAULT_TIMELINE_CAPACITY};
    private static final int[] THRESHOLDS = {3, EngineConfig.DEFAULT_CELEBRITY_THRESHOLD};

    static Stream<EngineShape> all()
    {
        final Stream.Builder<EngineShape> shapes = Stream.builder();
        for (final int partitions : PARTITIONS)
        {
            for (final Strategy strategy : Strategy.values())
            {
                for (final int capacity : CAPACITIES)
                {
                    for (final int threshold : THRESHOLDS)
                    {
                        shapes.add(new EngineShape(partitions, strategy, capacity, threshold));
                    }
                }
            }
        }
        return shapes.build();
    }

    EngineConfig config(final Path dataDirectory)
    {
        return new EngineConfig()
            .dataDirectory(dataDirectory)
            .partitions(partitions)
            .strategy(strategy)
            .timelineCapacity(timelineCapacity)
            .celebrityThreshold(celebrityThreshold);
    }

    @Override
    public String toString()
    {
        return partitions + "P " + strategy + " capacity " + timelineCapacity + " threshold " + celebrityThreshold;
    }
}
