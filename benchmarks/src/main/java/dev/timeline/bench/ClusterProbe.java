package dev.timeline.bench;

import dev.timeline.cluster.ClientConfig;
import dev.timeline.cluster.MemberProcess;
import dev.timeline.cluster.Members;
import dev.timeline.cluster.NodeConfig;
import dev.timeline.cluster.SharedSecret;
import dev.timeline.cluster.TimelineClient;
import dev.timeline.cluster.TimelineNode;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.engine.Timelines;
import org.HdrHistogram.Histogram;
import org.agrona.IoUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replicated engine measured on this machine: three members on loopback, two in processes of
 * their own and one in this process, against the embedded engine in the same run.
 * <ul>
 *   <li>{@code cluster throughput [POSTS [WINDOW [PARK_MICROS]]]}: posts/s and post latency
 *       (submission to acknowledgement) through the cluster's client and through the embedded
 *       engine, WINDOW posts in flight (default 200,000 and 256), every agent of the cluster parking
 *       at most PARK_MICROS when idle (default {@link NodeConfig#DEFAULT_IDLE_MAX_PARK}).</li>
 *   <li>{@code cluster failover [KILLS]}: the leader killed with SIGKILL KILLS times (default 20)
 *       under a load of posts: time from each kill to a new leader and to the acknowledgement of the
 *       first post sent once the leader was dead, and how long the killed member takes to catch up once restarted.</li>
 *   <li>{@code cluster reads [USERS]}: home reads/s of 20 on a member's replica against the embedded
 *       engine holding the same timelines (default 20,000 users of 20 follows and 5 posts each).</li>
 *   <li>{@code cluster snapshot [USERS [FOLLOWS [POSTS]]]}: a snapshot of every member holding USERS
 *       users of FOLLOWS follows and POSTS posts each (default 20,000, 20 and 5), under a load of
 *       posts: how long it takes and the longest post latency meanwhile (the cluster's pause); then
 *       how long a member killed and restarted takes to catch up.</li>
 * </ul>
 * For example {@code java -jar benchmarks/target/benchmarks.jar cluster throughput}.
 */
public final class ClusterProbe
{
    private static final String SECRET = "cluster probe";
    private static final int MEMBERS = 3;
    private static final int READ_LIMIT = 20;

    private final Path directory;
    private final Members members;
    private final List<MemberProcess> processes = new CopyOnWriteArrayList<>();
    /** Every member process started, for {@link #stopByShutdown}; guarded by this probe. */
    private final List<MemberProcess> started = new ArrayList<>();
    private boolean stopping;
    private TimelineNode node;
    private TimelineClient client;
    private Duration idleMaxPark = NodeConfig.DEFAULT_IDLE_MAX_PARK;
    private int followsPerUser = 20;
    private int postsPerUser = 5;
    private long memberMemory = 0;

    private ClusterProbe(final Path directory)
    {
        this.directory = directory;
        members = Members.onLoopback(MEMBERS);
    }

    public static void main(final String[] args) throws IOException
    {
        final String mode = args.length > 0 ? args[0] : "";
        final Path directory = Files.createTempDirectory("timeline-cluster-probe");
        final ClusterProbe probe = new ClusterProbe(directory);
        // A probe stopped by a signal leaves no member process behind, nor their files.
        Runtime.getRuntime().addShutdownHook(new Thread(probe::stopByShutdown));
        try
        {
            switch (mode)
            {
                case "throughput" ->
                {
                    probe.idleMaxPark = Duration.ofNanos(
                        TimeUnit.MICROSECONDS.toNanos(arg(args, 3, NodeConfig.DEFAULT_IDLE_MAX_PARK.toNanos() / 1_000)));
                    probe.throughput(arg(args, 1, 200_000), (int)arg(args, 2, 256));
                }
                case "failover" -> probe.failover((int)arg(args, 1, 20));
                case "reads" -> probe.reads((int)arg(args, 1, 20_000));
                case "snapshot" ->
                {
                    probe.followsPerUser = (int)arg(args, 2, probe.followsPerUser);
                    probe.postsPerUser = (int)arg(args, 3, probe.postsPerUser);
                    probe.snapshot((int)arg(args, 1, 20_000));
                }
                default ->
                {
                    System.err.println("usage: cluster throughput [POSTS [WINDOW [PARK_MICROS]]] | failover [KILLS] | reads [USERS] | " +
                        "snapshot [USERS [FOLLOWS [POSTS]]]");
                    System.exit(2);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            probe.close();
        }
    }

    private void throughput(final long posts, final int window) throws IOException, InterruptedException
    {
        start();
        final Result cluster = posts(client, posts, window);
        final Result embedded;
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory.resolve("embedded"))))
        {
            embedded = posts(engine, posts, window);
        }
        System.out.printf(Locale.ROOT, "posts through 3 members and through the embedded engine, %,d posts, %d in flight, " +
            "idle agents parking up to %d µs%n", posts, window, idleMaxPark.toNanos() / 1_000);
        cluster.print("cluster");
        embedded.print("embedded");
        System.out.printf(Locale.ROOT, "cluster / embedded posts/s: %.3f%n", cluster.perSecond / embedded.perSecond);
    }

    private void failover(final int kills) throws IOException, InterruptedException
    {
        start();
        final Histogram toLeader = new Histogram(3);
        final Histogram toAck = new Histogram(3);
        final Histogram catchUp = new Histogram(3);
        final AfterKill afterKill = new AfterKill();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread writer = new Thread(() -> writeUntilStopped(running, afterKill), "writer");
        writer.start();
        for (int kill = 0; kill < kills; kill++)
        {
            final MemberProcess leader = leaderProcess();
            final long killed = System.nanoTime();
            leader.kill();
            afterKill.leaderDead();
            while (newLeader(leader) == null)
            {
                Thread.onSpinWait();
            }
            final long elected = System.nanoTime() - killed;
            while (afterKill.firstAckNanos.get() == 0)
            {
                Thread.onSpinWait();
            }
            final long acknowledged = afterKill.firstAckNanos.get() - killed;
            final long restarted = System.nanoTime();
            final MemberProcess again = startProcess(leader.id());
            processes.set(processes.indexOf(leader), again);
            again.sync();
            final long caughtUp = System.nanoTime() - restarted;
            toLeader.recordValue(TimeUnit.NANOSECONDS.toMicros(elected));
            toAck.recordValue(TimeUnit.NANOSECONDS.toMicros(acknowledged));
            catchUp.recordValue(TimeUnit.NANOSECONDS.toMicros(caughtUp));
            System.out.printf(Locale.ROOT, "kill %d of member %d: new leader after %.0f ms, first post sent after it acknowledged after " +
                "%.0f ms, restarted member caught up in %.0f ms%n", kill + 1, leader.id(), elected / 1e6,
                acknowledged / 1e6, caughtUp / 1e6);
        }
        running.set(false);
        writer.join();
        System.out.printf(Locale.ROOT, "%d kills of the leader, leader heartbeat timeout %d ms%n", kills,
            NodeConfig.DEFAULT_LEADER_HEARTBEAT_TIMEOUT.toMillis());
        System.out.printf(Locale.ROOT, "  to a new leader:             p50 %6.0f ms, max %6.0f ms%n",
            toLeader.getValueAtPercentile(50) / 1e3, toLeader.getMaxValue() / 1e3);
        System.out.printf(Locale.ROOT, "  to the first acknowledgement: p50 %6.0f ms, max %6.0f ms%n",
            toAck.getValueAtPercentile(50) / 1e3, toAck.getMaxValue() / 1e3);
        System.out.printf(Locale.ROOT, "  restarted member caught up:   p50 %6.0f ms, max %6.0f ms%n",
            catchUp.getValueAtPercentile(50) / 1e3, catchUp.getMaxValue() / 1e3);
    }

    private void reads(final int users) throws IOException, InterruptedException
    {
        start();
        final long[] ids = userIds(users);
        load(client, ids);
        node.sync();
        final double replica = readsPerSecond(node, ids);
        final double embedded;
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory.resolve("embedded"))))
        {
            load(engine, ids);
            embedded = readsPerSecond(engine, ids);
        }
        System.out.printf(Locale.ROOT, "home reads of %d on %,d users, one thread, member %d's replica (a %s) and " +
            "the embedded engine%n", READ_LIMIT, users, node.memberId(), node.role());
        System.out.printf(Locale.ROOT, "  replica   %,12.0f reads/s%n  embedded  %,12.0f reads/s%n  replica / embedded %.3f%n",
            replica, embedded, replica / embedded);
    }

    private void snapshot(final int users) throws IOException, InterruptedException
    {
        memberMemory = users * 10_240L;
        start();
        final long[] ids = userIds(users);
        load(client, ids);
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread writer = new Thread(() -> postSynchronously(running, latency), "writer");
        writer.start();
        Thread.sleep(1_000);
        latency.reset();
        final long start = System.nanoTime();
        final boolean taken = node.takeSnapshot(Duration.ofMinutes(5));
        final long took = System.nanoTime() - start;
        Thread.sleep(500);
        running.set(false);
        writer.join();
        System.out.printf(Locale.ROOT, "snapshot of 3 members holding %,d users, %,d follows, %,d posts: %s in %.0f ms; " +
            "longest post latency meanwhile %.1f ms (p99 %.1f ms)%n", users, (long)users * followsPerUser,
            (long)users * postsPerUser, taken ? "taken" : "NOT taken", took / 1e6, latency.getMaxValue() / 1e6,
            latency.getValueAtPercentile(99) / 1e6);
        final MemberProcess follower = processes.get(0);
        follower.kill();
        load(client, Arrays.copyOf(ids, Math.max(1, ids.length / 10)));
        final long restarted = System.nanoTime();
        processes.set(0, startProcess(0));
        processes.get(0).sync();
        System.out.printf(Locale.ROOT, "a member killed and restarted after a tenth more load caught up in %.0f ms%n",
            (System.nanoTime() - restarted) / 1e6);
    }

    /** Posts {@code posts} with {@code window} in flight, timing each from submission to acknowledgement. */
    private static Result posts(final Timelines timelines, final long posts, final int window) throws InterruptedException
    {
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final Semaphore inFlight = new Semaphore(window);
        final long start = System.nanoTime();
        for (long i = 0; i < posts; i++)
        {
            inFlight.acquire();
            final long sent = System.nanoTime();
            timelines.postAsync(i % 1_000, "post " + i).whenComplete((id, error) ->
            {
                synchronized (latency)
                {
                    latency.recordValue(System.nanoTime() - sent);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(window);
        return new Result(posts * 1e9 / (System.nanoTime() - start), latency);
    }

    private void writeUntilStopped(final AtomicBoolean running, final AfterKill afterKill)
    {
        final Semaphore inFlight = new Semaphore(8);
        long i = 0;
        try
        {
            while (running.get())
            {
                inFlight.acquire();
                final long sent = System.nanoTime();
                client.postAsync(1, "post " + i++).whenComplete((id, error) ->
                {
                    if (error == null)
                    {
                        afterKill.acknowledged(sent, System.nanoTime());
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(8);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void postSynchronously(final AtomicBoolean running, final Histogram latency)
    {
        for (long i = 0; running.get(); i++)
        {
            final long sent = System.nanoTime();
            client.post(2, "during the snapshot " + i);
            synchronized (latency)
            {
                latency.recordValue(System.nanoTime() - sent);
            }
        }
    }

    /** Every user follows {@link #followsPerUser} others at random and posts {@link #postsPerUser} times. */
    private void load(final Timelines timelines, final long[] ids) throws InterruptedException
    {
        final SplittableRandom random = new SplittableRandom(1);
        final Semaphore inFlight = new Semaphore(512);
        for (final long user : ids)
        {
            for (int f = 0; f < followsPerUser; f++)
            {
                final long followee = ids[random.nextInt(ids.length)];
                if (followee != user)
                {
                    inFlight.acquire();
                    timelines.followAsync(user, followee).whenComplete((ok, error) -> inFlight.release());
                }
            }
        }
        for (int p = 0; p < postsPerUser; p++)
        {
            for (final long user : ids)
            {
                inFlight.acquire();
                timelines.postAsync(user, "a post of " + user).whenComplete((id, error) -> inFlight.release());
            }
        }
        inFlight.acquire(512);
    }

    private static double readsPerSecond(final Timelines timelines, final long[] ids)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        final SplittableRandom random = new SplittableRandom(2);
        final int reads = Math.max(200_000, ids.length * 10);
        for (int i = 0; i < reads; i++)
        {
            timelines.home(ids[random.nextInt(ids.length)], READ_LIMIT, Long.MAX_VALUE, buffer);
        }
        final long start = System.nanoTime();
        for (int i = 0; i < reads; i++)
        {
            timelines.home(ids[random.nextInt(ids.length)], READ_LIMIT, Long.MAX_VALUE, buffer);
        }
        return reads * 1e9 / (System.nanoTime() - start);
    }

    private static long[] userIds(final int users)
    {
        final long[] ids = new long[users];
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < users; i++)
        {
            ids[i] = random.nextLong() & Long.MAX_VALUE;
        }
        return ids;
    }

    /** Members 0 and 1 in processes of their own, member 2 in this one, and a client. */
    private void start() throws IOException
    {
        for (int id = 0; id < MEMBERS - 1; id++)
        {
            processes.add(startProcess(id));
        }
        node = launchNode();
        client = TimelineClient.connect(
            new ClientConfig().members(members).secret(SharedSecret.of(SECRET)).idleMaxPark(idleMaxPark));
        client.post(0, "the cluster is up");
    }

    /** The member in this process, the last of {@link #MEMBERS}. */
    private TimelineNode launchNode()
    {
        return TimelineNode.launch(nodeConfig());
    }

    private NodeConfig nodeConfig()
    {
        return new NodeConfig()
            .members(members).memberId(MEMBERS - 1).dataDirectory(directory.resolve("m" + (MEMBERS - 1)))
            .secret(SharedSecret.of(SECRET)).idleMaxPark(idleMaxPark).conclude();
    }

    /**
     * Kills every member process this probe started and deletes what the members wrote, for a
     * probe stopped by a signal; its main thread, still running, can start no member afterwards.
     */
    private synchronized void stopByShutdown()
    {
        stopping = true;
        started.forEach(MemberProcess::close);
        IoUtil.delete(directory.toFile(), true);
        IoUtil.delete(nodeConfig().aeronDirectory().toFile(), true);
    }

    private synchronized MemberProcess startProcess(final int id) throws IOException
    {
        if (stopping)
        {
            throw new IllegalStateException("the probe is stopping");
        }
        final List<String> flags = new ArrayList<>(BenchmarkMain.jvmFlags());
        if (memberMemory > 0)
        {
            flags.add("-Xmx" + ((256L << 20) + memberMemory / 8 >> 20) + "m");
            flags.add("-XX:MaxDirectMemorySize=" + ((512L << 20) + memberMemory >> 20) + "m");
        }
        final MemberProcess process = MemberProcess.start(id, members, directory.resolve("m" + id), flags, SECRET,
            List.of("park=" + idleMaxPark.toNanos() / 1_000));
        started.add(process);
        return process;
    }

    private MemberProcess leaderProcess() throws InterruptedException
    {
        while (true)
        {
            for (final MemberProcess process : processes)
            {
                if (process.isLeader())
                {
                    return process;
                }
            }
            if (node.role() == io.aeron.cluster.service.Cluster.Role.LEADER)
            {
                // Only another process can be killed: stopping this member cleanly moves the lead to one.
                node.close();
                node = launchNode();
            }
            Thread.sleep(1);
        }
    }

    private Object newLeader(final MemberProcess killed)
    {
        if (node.role() == io.aeron.cluster.service.Cluster.Role.LEADER)
        {
            return node;
        }
        for (final MemberProcess process : processes)
        {
            if (process != killed && process.isLeader())
            {
                return process;
            }
        }
        return null;
    }

    private void close() throws IOException
    {
        if (client != null)
        {
            client.close();
        }
        if (node != null)
        {
            node.close();
        }
        processes.forEach(MemberProcess::close);
        try (var files = Files.walk(directory))
        {
            files.sorted(Collections.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private static long arg(final String[] args, final int index, final long otherwise)
    {
        return args.length > index ? Long.parseLong(args[index].replace("_", "")) : otherwise;
    }

    /** Posts/s and the latency of each post. */
    private record Result(double perSecond, Histogram latency)
    {
        void print(final String name)
        {
            System.out.printf(Locale.ROOT, "  %-9s %,10.0f posts/s   p50 %8.1f µs   p99 %8.1f µs   p99.9 %8.1f µs%n", name,
                perSecond, latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                latency.getValueAtPercentile(99.9) / 1e3);
        }
    }

    /**
     * When the first post sent after the leader died was acknowledged: an answer to a post sent
     * before, which the dead leader may have sent off, does not count.
     */
    private static final class AfterKill
    {
        private final AtomicLong deadNanos = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong firstAckNanos = new AtomicLong();

        /** Once the killed leader's process is gone. */
        void leaderDead()
        {
            deadNanos.set(System.nanoTime());
            firstAckNanos.set(0);
        }

        void acknowledged(final long sentNanos, final long ackNanos)
        {
            if (sentNanos > deadNanos.get())
            {
                firstAckNanos.compareAndSet(0, ackNanos);
            }
        }
    }
}
