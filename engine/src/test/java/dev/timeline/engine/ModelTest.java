package dev.timeline.engine;

import dev.timeline.engine.model.ModelRun;
import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random workloads against the engine and the reference, compared read by read, for every
 * {@link EngineShape}, and with the shape changing at each reopening of the data directory.
 * Longer soaks: {@code -Dtimeline.model.steps=50000 -Dtimeline.model.seeds=20}, more users than
 * the 24 by default: {@code -Dtimeline.model.users=N}; one failing run again: {@code -Dtimeline.model.seed=N}
 * and {@code -Dtimeline.model.shape="2P PUSH capacity 1 threshold 3"}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModelTest
{
    private static final int STEPS = Integer.getInteger("timeline.model.steps", 3_000);
    private static final int SEEDS = Integer.getInteger("timeline.model.seeds", 2);
    private static final Long SEED = Long.getLong("timeline.model.seed");
    private static final String SHAPE = System.getProperty("timeline.model.shape", "");

    static Stream<Arguments> runs()
    {
        return EngineShape.all()
            .filter(shape -> shape.toString().equals(SHAPE) || SHAPE.isEmpty())
            .flatMap(shape -> seeds().mapToObj(seed -> Arguments.of(shape, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("runs")
    void everyAnswerMatchesTheReference(final EngineShape shape, final long seed, @TempDir final Path dataDirectory)
    {
        try (ModelRun run = new ModelRun(new EngineTarget(List.of(shape), dataDirectory), seed))
        {
            run.run(STEPS, 2);
        }
    }

    static Stream<Arguments> starvedRuns()
    {
        return EngineShape.starved().flatMap(shape -> seeds().mapToObj(seed -> Arguments.of(shape, seed)));
    }

    /** Timelines are caches: one that runs out of memory keeps fewer entries and no answer changes. */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("starvedRuns")
    void everyAnswerMatchesTheReferenceWhenTimelinesRunOutOfMemory(
        final EngineShape shape, final long seed, @TempDir final Path dataDirectory)
    {
        try (ModelRun run = new ModelRun(new EngineTarget(List.of(shape), dataDirectory), seed))
        {
            run.run(STEPS, 2);
        }
        try (CountersFile counters = CountersFile.open(dataDirectory))
        {
            assertTrue(counters.get(Counter.TIMELINES_SHORTENED) > 0, "timelines ran out of memory");
            assertEquals(0, counters.get(Counter.REJECTED_MEMORY), "every post fitted");
        }
    }

    static Stream<Arguments> partitionedSeeds()
    {
        return IntStream.of(EngineShape.PARTITIONS)
            .boxed()
            .flatMap(partitions -> seeds().mapToObj(seed -> Arguments.of(partitions, seed)));
    }

    /** The partition count is fixed when a directory is created; everything else changes. */
    @ParameterizedTest(name = "{0}P, seed {1}")
    @MethodSource("partitionedSeeds")
    void answersSurviveReopeningWithOtherSettings(
        final int partitions, final long seed, @TempDir final Path dataDirectory)
    {
        final List<EngineShape> shapes = new ArrayList<>(
            EngineShape.all().filter(shape -> shape.partitions() == partitions).toList());
        Collections.shuffle(shapes, new Random(seed));
        try (ModelRun run = new ModelRun(new EngineTarget(shapes, dataDirectory), seed))
        {
            run.run(STEPS, 8);
        }
    }

    static LongStream seeds()
    {
        return SEED != null ? LongStream.of(SEED) : LongStream.rangeClosed(1, SEEDS);
    }
}
