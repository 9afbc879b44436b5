package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Compares the apply step of several builds of the engine in one process: each {@code benchmarks.jar}
 * given is loaded through a class loader of its own, and each build's state machine, with
 * {@link DeliveryBenchmark}'s graph and posts, applies the same posts in turns of {@code POSTS}, the
 * builds alternating, so that whatever else the machine runs weighs on all of them alike. The limit
 * of a delivery, {@link RandomWriteBenchmark#headerThenEntry}, takes its turns with them, 25 writes
 * a post. It prints each one's deliveries (or writes) per second of the applying thread's processor
 * time, turn by turn and as a median, and the medians of the turn-by-turn ratios to the first build
 * and to the limit. A build whose state machine
 * has batches ({@code beginBatch}) applies each turn in batches of 256 posts, as its writer would.
 * For example, an older build against this one on full timelines:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar apply PUSH 3000000 20000 12 old/benchmarks.jar benchmarks/target/benchmarks.jar
 * </pre>
 */
public final class ApplyComparison
{
    private static final int USERS = 100_000;
    private static final int CELEBRITY_THRESHOLD = 10_000;
    private static final int DRAWN = 1 << 16;
    private static final int WARM_TURN = 50_000;

    private ApplyComparison()
    {
    }

    public static void main(final String[] args)
    {
        try
        {
            compare(args);
        }
        catch (final RuntimeException | Error ex)
        {
            throw ex;
        }
        catch (final Throwable ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static void compare(final String[] args) throws Throwable
    {
        if (args.length < 5)
        {
            System.err.println("usage: apply PUSH|PULL|HYBRID WARM_POSTS POSTS_PER_TURN TURNS JAR...");
            System.exit(2);
        }
        final String strategy = args[0];
        final int warm = Integer.parseInt(args[1]);
        final int posts = Integer.parseInt(args[2]);
        final int turns = Integer.parseInt(args[3]);
        final int count = args.length - 4;
        final Turns[] all = new Turns[count + 1];
        for (int i = 0; i < count; i++)
        {
            all[i] = new Build(Path.of(args[4 + i]), strategy);
        }
        all[count] = new Limit();
        for (int done = 0; done < warm; done += WARM_TURN)
        {
            for (int i = 0; i < count; i++)
            {
                all[i].apply(Math.min(WARM_TURN, warm - done));
            }
        }
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final double[][] rates = new double[all.length][turns];
        for (int turn = 0; turn < turns; turn++)
        {
            for (int i = 0; i < all.length; i++)
            {
                final int one = turn % 2 == 0 ? i : all.length - 1 - i;
                final long start = threads.getCurrentThreadCpuTime();
                final long deliveries = all[one].apply(posts);
                rates[one][turn] = deliveries * 1e3 / (threads.getCurrentThreadCpuTime() - start);
            }
        }
        System.out.printf("%s, %,d posts applied first, then %d turns of %,d posts each%n", strategy, warm, turns, posts);
        for (int i = 0; i < all.length; i++)
        {
            final StringBuilder turnRates = new StringBuilder();
            for (final double rate : rates[i])
            {
                turnRates.append(String.format(" %.2f", rate));
            }
            System.out.printf("%s: median %.2f M deliveries per processor second (%s )%n",
                all[i].name(), median(rates[i]), turnRates);
        }
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                printRatio(all, rates, i, 0);
            }
            printRatio(all, rates, i, count);
        }
    }

    private static void printRatio(final Turns[] all, final double[][] rates, final int of, final int to)
    {
        final double[] ratios = new double[rates[of].length];
        for (int turn = 0; turn < ratios.length; turn++)
        {
            ratios[turn] = rates[of][turn] / rates[to][turn];
        }
        Arrays.sort(ratios);
        System.out.printf("%s / %s: median ratio %.3f (from %.3f to %.3f)%n",
            all[of].name(), all[to].name(), median(ratios), ratios[0], ratios[ratios.length - 1]);
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** What takes turns: applies posts, or does the work of as many, and says how many deliveries that made. */
    private interface Turns
    {
        String name();

        long apply(int posts) throws Throwable;
    }

    /** {@link RandomWriteBenchmark#headerThenEntry}, the least a delivery costs, 25 writes for each post. */
    private static final class Limit implements Turns
    {
        private static final int WRITES_PER_POST = 25;

        private final RandomWriteBenchmark writes = new RandomWriteBenchmark();

        Limit()
        {
            writes.regionBytes = 1 << 30;
            writes.allocate();
        }

        @Override
        public String name()
        {
            return "RandomWriteBenchmark.headerThenEntry";
        }

        @Override
        public long apply(final int posts)
        {
            final long count = (long)posts * WRITES_PER_POST;
            for (long i = 0; i < count; i++)
            {
                writes.headerThenEntry();
            }
            return count;
        }
    }

    /** One build's state machine, loaded with the graph, and the posts it applies in turn. */
    private static final class Build implements Turns
    {
        private final String name;
        private final Object state;
        private final Object machine;
        private final MethodHandle post;
        private final MethodHandle deliveries;
        private final MethodHandle beginBatch;
        private final MethodHandle endBatch;
        private final long[] authors = new long[DRAWN];
        private final Object[] texts = new Object[DRAWN];
        private final int[] lengths = new int[DRAWN];
        private long nextId = 1;
        private int next;

        Build(final Path jar, final String strategyName) throws Throwable
        {
            name = jar.toString();
            final ClassLoader loader = new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            final MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            final Class<?> strategyType = loader.loadClass("dev.timeline.engine.Strategy");
            final Class<?> partitionerType = loader.loadClass("dev.timeline.engine.state.Partitioner");
            final Class<?> budgetType = loader.loadClass("dev.timeline.engine.state.OffHeapBudget");
            final Class<?> stateType = loader.loadClass("dev.timeline.engine.state.PartitionState");
            final Class<?> machineType = loader.loadClass("dev.timeline.engine.state.TimelineStateMachine");
            final Class<?> bufferType = loader.loadClass("org.agrona.DirectBuffer");
            final Class<?> unsafeBufferType = loader.loadClass("org.agrona.concurrent.UnsafeBuffer");
            final Class<?> workloadType = loader.loadClass("dev.timeline.workload.Workload");

            final Object strategy = strategyType.getMethod("valueOf", String.class).invoke(null, strategyName);
            final Object partitioner = partitionerType.getConstructor(int.class).newInstance(1);
            final Object budget = budgetType.getConstructor(long.class, int.class).newInstance(Long.MAX_VALUE, 1);
            state = stateType.getConstructor(int.class, partitionerType, strategyType, int.class, int.class, budgetType)
                .newInstance(
                    0, partitioner, strategy, EngineConfig.DEFAULT_TIMELINE_CAPACITY, CELEBRITY_THRESHOLD, budget);
            stateType.getMethod("takeOwnership").invoke(state);
            machine = machineType.getConstructor(stateType).newInstance(state);
            post = lookup.findVirtual(machineType, "post",
                MethodType.methodType(int.class, long.class, long.class, bufferType, int.class, int.class));
            deliveries = lookup.findVirtual(stateType, "deliveries", MethodType.methodType(long.class));
            beginBatch = batchMethod(lookup, machineType, "beginBatch");
            endBatch = batchMethod(lookup, machineType, "endBatch");

            final Object workload = workloadType.getMethod("named", String.class, int.class, long.class)
                .invoke(null, "celebrity", USERS, 1L);
            final MethodHandle follow = lookup.findVirtual(machineType, "follow",
                MethodType.methodType(void.class, long.class, long.class));
            final Object graph = workloadType.getMethod("followGraph").invoke(workload);
            final Class<?> consumerType = loader.loadClass("dev.timeline.workload.FollowConsumer");
            final BiConsumer<Long, Long> follows = (follower, followee) -> invoke(follow, follower, followee);
            final Object consumer = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {consumerType},
                (proxy, method, arguments) ->
                {
                    follows.accept((Long)arguments[0], (Long)arguments[1]);
                    return null;
                });
            graph.getClass().getMethod("forEachFollow", consumerType).invoke(graph, consumer);

            final Object operations = workloadType.getMethod("operations", int.class, double.class)
                .invoke(workload, 1, 0.0);
            final Class<?> operationsType = operations.getClass();
            for (int i = 0; i < DRAWN; i++)
            {
                operationsType.getMethod("next").invoke(operations);
                authors[i] = (Long)operationsType.getMethod("user").invoke(operations);
                final byte[] text = operationsType.getMethod("text").invoke(operations).toString()
                    .getBytes(StandardCharsets.UTF_8);
                texts[i] = unsafeBufferType.getConstructor(byte[].class).newInstance((Object)text);
                lengths[i] = text.length;
            }
        }

        @Override
        public String name()
        {
            return name;
        }

        /** Applies {@code posts} posts, in batches of 256 if the build has them; returns the deliveries they made. */
        @Override
        public long apply(final int posts) throws Throwable
        {
            final long before = (long)deliveries.invoke(state);
            for (int i = 0; i < posts; i++)
            {
                if (beginBatch != null && i % FanOutBenchmark.POSTS_PER_INVOCATION == 0)
                {
                    beginBatch.invoke(machine);
                }
                post.invoke(machine, nextId++, authors[next], texts[next], 0, lengths[next]);
                next = next + 1 == DRAWN ? 0 : next + 1;
                if (endBatch != null && (i % FanOutBenchmark.POSTS_PER_INVOCATION ==
                    FanOutBenchmark.POSTS_PER_INVOCATION - 1 || i == posts - 1))
                {
                    endBatch.invoke(machine);
                }
            }
            return (long)deliveries.invoke(state) - before;
        }

        private static MethodHandle batchMethod(
            final MethodHandles.Lookup lookup, final Class<?> machineType, final String name) throws IllegalAccessException
        {
            try
            {
                return lookup.findVirtual(machineType, name, MethodType.methodType(void.class));
            }
            catch (final NoSuchMethodException ex)
            {
                return null;
            }
        }

        private void invoke(final MethodHandle follow, final long follower, final long followee)
        {
            try
            {
                follow.invoke(machine, follower, followee);
            }
            catch (final Throwable error)
            {
                throw new IllegalStateException(error);
            }
        }
    }
}
