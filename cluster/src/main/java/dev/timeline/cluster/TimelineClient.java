package dev.timeline.cluster;

import dev.timeline.engine.EngineClosedException;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineException;
import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandChecks;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.status.ErrorLog;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

import java.security.SecureRandom;

/**
 * A client of a replicated timeline engine, for a process that holds no replica: the API of the
 * embedded engine, every command through the cluster's log. It finds the leader and follows it
 * across elections; a command not answered is sent again, and the cluster applies a write sent
 * again once and answers it with its first outcome, so a write is never lost nor applied twice.
 * Reads go through the log too, so they are linearizable: each reflects every write committed
 * before it.
 */
public final class TimelineClient extends ClusterWrites
{
    private static final int OUTBOX_BYTES = 4 << 20;

    private final ClientConfig config;
    private final MediaDriver driver;
    private final ErrorLog errors = ErrorLog.inMemory(SystemEpochClock.INSTANCE);
    private final TimelineBuffer[] pages;
    private final IngressClient client;
    private final AgentRunner runner;

    private TimelineClient(final ClientConfig config)
    {
        this(config, new AckSlots(config.maxInFlight()), ClusterCommands.outbox(OUTBOX_BYTES), pages(config.maxInFlight()));
    }

    private TimelineClient(
        final ClientConfig config, final AckSlots acks, final ManyToOneRingBuffer outbox, final TimelineBuffer[] pages)
    {
        super(new ClusterCommands(
            outbox, acks, pages, new CommandGate(config.maxInFlight(), OUTBOX_BYTES), config.nanoClock(),
            config.timeout()));
        this.config = config;
        this.pages = pages;
        driver = config.aeronDirectory() != null ? null : MediaDriver.launchEmbedded(new MediaDriver.Context()
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(NodeConfig.idleStrategy(config.idleMaxPark()))
            .termBufferSparseFile(true)
            .publicationTermBufferLength(1 << 20)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        client = new IngressClient(
            this::clusterContext, new SecureRandom().nextLong() & Long.MAX_VALUE, outbox, acks, pages, true,
            config.nanoClock(), config.resendAfter().toNanos(), errors);
        runner = new AgentRunner(NodeConfig.idleStrategy(config.idleMaxPark()), errors::log, errors.counter(), client);
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

    private static TimelineBuffer[] pages(final int slots)
    {
        final TimelineBuffer[] pages = new TimelineBuffer[slots];
        for (int slot = 0; slot < slots; slot++)
        {
            pages[slot] = new TimelineBuffer();
        }
        return pages;
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

    /** Why the cluster refused this client, such as for a wrong secret, or null if it has not. */
    public String refusal()
    {
        return client.refusal();
    }

    @Override
    long await(final int slot)
    {
        try
        {
            return super.await(slot);
        }
        catch (final TimelineException ex)
        {
            final String refusal = refusal();
            throw refusal == null ? ex : new TimelineException(refusal, ex);
        }
    }

    private AeronCluster.Context clusterContext()
    {
        return MemberContexts.client(config.members(), config.host(), config.secret(),
            driver != null ? driver.aeronDirectoryName() : config.aeronDirectory().toString());
    }
}
