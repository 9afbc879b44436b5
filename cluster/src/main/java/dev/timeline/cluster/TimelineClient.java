package dev.timeline.cluster;

import dev.timeline.engine.EngineClosedException;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineException;
import dev.timeline.engine.Timelines;
import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandChecks;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.TweetText;
import dev.timeline.engine.status.ErrorLog;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.timeline.engine.state.CommandChecks.checkPair;
import static dev.timeline.engine.state.CommandChecks.checkTweetId;
import static dev.timeline.engine.state.CommandChecks.checkUser;

/**
 * A client of a replicated timeline engine, for a process that holds no replica: the API of the
 * embedded engine, every command through the cluster's log. It finds the leader and follows it
 * across elections; a command not answered is sent again, and the cluster applies a write sent
 * again once and answers it with its first outcome, so a write is never lost nor applied twice.
 * Reads go through the log too, so they are linearizable: each reflects every write committed
 * before it.
 */
public final class TimelineClient implements Timelines
{
    private static final int OUTBOX_BYTES = 4 << 20;

    private final ClientConfig config;
    private final MediaDriver driver;
    private final ErrorLog errors = ErrorLog.inMemory(SystemEpochClock.INSTANCE);
    private final TimelineBuffer[] pages;
    private final ClusterCommands commands;
    private final IngressClient client;
    private final AgentRunner runner;

    private TimelineClient(final ClientConfig config)
    {
        this.config = config;
        driver = config.aeronDirectory() != null ? null : MediaDriver.launchEmbedded(new MediaDriver.Context()
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
            .termBufferSparseFile(true)
            .publicationTermBufferLength(1 << 20)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        final AckSlots acks = new AckSlots(config.maxInFlight());
        pages = new TimelineBuffer[config.maxInFlight()];
        for (int slot = 0; slot < pages.length; slot++)
        {
            pages[slot] = new TimelineBuffer();
        }
        final ManyToOneRingBuffer outbox = new ManyToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(OUTBOX_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
        commands = new ClusterCommands(
            outbox, acks, pages, new CommandGate(config.maxInFlight(), OUTBOX_BYTES), config.nanoClock(),
            config.timeout());
        client = new IngressClient(
            this::clusterContext, new SecureRandom().nextLong() & Long.MAX_VALUE, outbox, acks, pages, true,
            config.nanoClock(), config.resendAfter().toNanos(), errors);
        runner = new AgentRunner(
            new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1)),
            errors::log, errors.counter(), client);
        AgentRunner.startOnThread(runner);
    }

    /**
     * A client of the cluster in {@code config}. It connects in the background: commands wait for
     * the cluster, up to their timeout.
     *
     * @throws IllegalArgumentException if a setting is missing or out of range.
     */
    public static TimelineClient connect(final ClientConfig config)
    {
        return new TimelineClient(config.conclude());
    }

    @Override
    public void follow(final long follower, final long followee)
    {
        checkPair(follower, followee, "follow");
        await(commands.submit(IngressLayout.FOLLOW, follower, followee, null));
    }

    @Override
    public void unfollow(final long follower, final long followee)
    {
        checkPair(follower, followee, "unfollow");
        await(commands.submit(IngressLayout.UNFOLLOW, follower, followee, null));
    }

    @Override
    public long post(final long author, final CharSequence text)
    {
        checkUser(author, "author");
        return await(commands.post(author, text, TweetText.utf8Length(text), null));
    }

    @Override
    public void delete(final long tweetId)
    {
        checkTweetId(tweetId);
        await(commands.submit(IngressLayout.DELETE, tweetId, 0, null));
    }

    @Override
    public CompletableFuture<Void> followAsync(final long follower, final long followee)
    {
        checkPair(follower, followee, "follow");
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.submit(IngressLayout.FOLLOW, follower, followee, future));
        return future;
    }

    @Override
    public CompletableFuture<Void> unfollowAsync(final long follower, final long followee)
    {
        checkPair(follower, followee, "unfollow");
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.submit(IngressLayout.UNFOLLOW, follower, followee, future));
        return future;
    }

    @Override
    public CompletableFuture<Long> postAsync(final long author, final CharSequence text)
    {
        checkUser(author, "author");
        final int length = TweetText.utf8Length(text);
        final CompletableFuture<Long> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.post(author, text, length, future));
        return future;
    }

    @Override
    public CompletableFuture<Void> deleteAsync(final long tweetId)
    {
        checkTweetId(tweetId);
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.submit(IngressLayout.DELETE, tweetId, 0, future));
        return future;
    }

    /** Reads through the cluster's log: reflects every write committed before it. */
    @Override
    public int home(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return read(IngressLayout.HOME, user, limit, before, into);
    }

    /** Reads through the cluster's log: reflects every write committed before it. */
    @Override
    public int tweets(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return read(IngressLayout.TWEETS, user, limit, before, into);
    }

    /** Stops talking to the cluster and the media driver it ran; commands in flight are abandoned. Idempotent. */
    @Override
    public void close()
    {
        if (commands.gate().close())
        {
            CloseHelper.quietCloseAll(runner, driver);
        }
    }

    private int read(final int type, final long user, final int limit, final long before, final TimelineBuffer into)
    {
        CommandChecks.checkRead(user, limit, before);
        if (commands.gate().isClosed())
        {
            throw new EngineClosedException("the client is closed");
        }
        final int slot = commands.read(type, user, limit, before);
        final TimelineBuffer page = pages[slot];
        await(slot);
        into.clear();
        for (int i = 0; i < page.size(); i++)
        {
            into.add(page.id(i), page.author(i), page.textBuffer(), page.textOffset(i), page.textLength(i));
        }
        return into.size();
    }

    private long await(final int slot)
    {
        try
        {
            return commands.await(slot);
        }
        catch (final TimelineException ex)
        {
            final String refusal = client.refusal();
            throw refusal == null ? ex : new TimelineException(refusal, ex);
        }
    }

    private AeronCluster.Context clusterContext()
    {
        final AeronCluster.Context context = new AeronCluster.Context()
            .ingressChannel(MemberContexts.INGRESS_CHANNEL)
            .ingressEndpoints(config.members().ingressEndpoints())
            .egressChannel("aeron:udp?endpoint=" + config.host() + ":0|term-length=1m")
            .credentialsSupplier(config.secret().credentials());
        return context.aeronDirectoryName(
            driver != null ? driver.aeronDirectoryName() : config.aeronDirectory().toString());
    }
}
