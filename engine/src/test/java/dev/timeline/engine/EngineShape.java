package dev.timeline.engine;

import dev.timeline.engine.state.OffHeapBudget;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The settings a model run varies: every strategy, a capacity so small that timelines trim all the
 * time and reads fall back to merging, a celebrity threshold low enough for authors to cross it
 * both ways, and one, two or four partitions; and, for starved shapes, an off-heap limit that leaves
 * room for the tweets but none, or little, for timelines.
 */
record EngineShape(int partitions, Strategy strategy, int timelineCapacity, int celebrityThreshold, long offHeapLimit)
{
    /**
     * What one partition's first tweet takes, a chunk of tweet records and one of texts, aligned; and
     * what its next post may need, which timelines must leave free.
     */
    private static final long TWEETS_BYTES = (2 << 20) + 64 + (4 << 20) + 64;
    /** What the first chunk of the smallest timeline blocks takes. */
    private static final long SMALL_BLOCKS_BYTES = (4 << 20) + 64;

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
                        shapes.add(new EngineShape(partitions, strategy, capacity, threshold, OffHeapBudget.UNLIMITED));
                    }
                }
            }
        }
        return shapes.build();
    }

    /**
     * Shapes whose timelines run out of off-heap memory: with room for no timeline block at all, or
     * for the smallest blocks of one partition only, so that timelines cannot grow.
     */
    static Stream<EngineShape> starved()
    {
        final int capacity = EngineConfig.DEFAULT_TIMELINE_CAPACITY;
        return Stream.of(
            new EngineShape(1, Strategy.PUSH, capacity, 3, TWEETS_BYTES),
            new EngineShape(1, Strategy.HYBRID, capacity, 3, TWEETS_BYTES),
            new EngineShape(1, Strategy.PUSH, capacity, 3, 2 * TWEETS_BYTES + SMALL_BLOCKS_BYTES),
            new EngineShape(2, Strategy.HYBRID, capacity, 3, 2 * TWEETS_BYTES),
            new EngineShape(2, Strategy.PUSH, capacity, 10_000, 4 * TWEETS_BYTES + SMALL_BLOCKS_BYTES));
    }

    EngineConfig config(final Path dataDirectory)
    {
        return new EngineConfig()
            .dataDirectory(dataDirectory)
            .partitions(partitions)
            .strategy(strategy)
            .timelineCapacity(timelineCapacity)
            .celebrityThreshold(celebrityThreshold)
            .offHeapLimit(offHeapLimit);
    }

    @Override
    public String toString()
    {
        return partitions + "P " + strategy + " capacity " + timelineCapacity + " threshold " + celebrityThreshold +
            (offHeapLimit == OffHeapBudget.UNLIMITED ? "" : " off-heap " + offHeapLimit);
    }
}
