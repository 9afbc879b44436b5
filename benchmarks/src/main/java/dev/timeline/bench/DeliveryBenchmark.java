package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.Strategy;
import dev.timeline.engine.state.OffHeapBudget;
import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.Partitioner;
import dev.timeline.engine.state.TimelineStateMachine;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The writer's apply step alone: {@link FanOutBenchmark}'s posts applied straight to one partition's
 * state machine on the benchmark thread, in batches of 256 as a writer applies them, with no inbox,
 * journal or acknowledgement. Its
 * {@code deliveries} rate beside {@link RandomWriteBenchmark#headerThenEntry} is what the timelines'
 * own work costs; beside {@link FanOutBenchmark}, what the rest of the post path adds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeliveryBenchmark
{
    /** Posts drawn up front and applied in turn, so drawing and encoding them is not measured. */
    private static final int DRAWN = 1 << 16;

    /** The state machine with the graph loaded and its timelines warmed. */
    @State(Scope.Thread)
    public static class Machine
    {
        @Param({"PUSH", "HYBRID"})
        public Strategy strategy;

        @Param({"celebrity"})
        public String workload;

        @Param({"100000"})
        public int users;

        @Param({"10000"})
        public int celebrityThreshold;

        /** Posts applied before measuring: about 3,000,000 fill every timeline to its capacity. */
        @Param({"100000"})
        public int warmPosts;

        TimelineStateMachine machine;
        final long[] authors = new long[DRAWN];
        final int[] textOffsets = new int[DRAWN + 1];
        UnsafeBuffer texts;
        long nextId = 1;
        int next;

        @Setup(Level.Trial)
        public void open()
        {
            final Workload drawn = Workload.named(workload, users, 1);
            final PartitionState state = new PartitionState(
                0, new Partitioner(1), strategy, EngineConfig.DEFAULT_TIMELINE_CAPACITY, celebrityThreshold,
                new OffHeapBudget(OffHeapBudget.UNLIMITED, 1));
            state.takeOwnership();
            machine = new TimelineStateMachine(state);
            drawn.followGraph().forEachFollow(machine::follow);
            drawPosts(drawn.operations(1, 0));
            post(warmPosts);
        }

        @TearDown(Level.Trial)
        public void close()
        {
            machine.state().free();
        }

        /** Applies {@code posts} posts in batches of {@link FanOutBenchmark#POSTS_PER_INVOCATION}, as a writer does. */
        void post(final int posts)
        {
            for (int i = 0; i < posts; i++)
            {
                if (i % FanOutBenchmark.POSTS_PER_INVOCATION == 0)
                {
                    machine.beginBatch();
                }
                final int offset = textOffsets[next];
                machine.post(nextId++, authors[next], texts, offset, textOffsets[next + 1] - offset);
                next = next + 1 == DRAWN ? 0 : next + 1;
                if (i % FanOutBenchmark.POSTS_PER_INVOCATION == FanOutBenchmark.POSTS_PER_INVOCATION - 1 ||
                    i == posts - 1)
                {
                    machine.endBatch();
                }
            }
        }

        private void drawPosts(final OperationStream operations)
        {
            final byte[][] encoded = new byte[DRAWN][];
            for (int i = 0; i < DRAWN; i++)
            {
                operations.next();
                authors[i] = operations.user();
                encoded[i] = operations.text().toString().getBytes(StandardCharsets.UTF_8);
                textOffsets[i + 1] = textOffsets[i] + encoded[i].length;
            }
            texts = new UnsafeBuffer(new byte[textOffsets[DRAWN]]);
            for (int i = 0; i < DRAWN; i++)
            {
                texts.putBytes(textOffsets[i], encoded[i]);
            }
        }
    }

    /** The deliveries the measured posts caused. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Deliveries
    {
        /** Entries written into home timelines, reported per second beside the posts. */
        public long deliveries;

        @Setup(Level.Iteration)
        public void reset()
        {
            deliveries = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(FanOutBenchmark.POSTS_PER_INVOCATION)
    public void post(final Machine machine, final Deliveries deliveries)
    {
        final PartitionState state = machine.machine.state();
        final long before = state.deliveries();
        machine.post(FanOutBenchmark.POSTS_PER_INVOCATION);
        deliveries.deliveries += state.deliveries() - before;
    }
}
