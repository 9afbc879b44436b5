package dev.timeline.cluster;

import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.Outcomes;
import dev.timeline.engine.state.TweetPage;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.codecs.EventCode;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.Header;
import io.aeron.security.AuthenticationException;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.timeline.cluster.IngressLayout.CLIENT_OFFSET;
import static dev.timeline.cluster.IngressLayout.SEQUENCE_OFFSET;
import static dev.timeline.cluster.IngressLayout.TAG_OFFSET;

/**
 * The one thread that talks to the cluster for a {@link TimelineNode} or a {@link TimelineClient},
 * as an agent duty cycle: it takes the commands callers put in its outbox, numbers them with its
 * client id and a sequence, sends them to the leader, keeps each until the cluster answers it, and
 * sends again every command not yet answered whenever a new leader is elected, the session had to
 * be opened again, or an answer is overdue. The cluster applies a command sent again once and
 * answers it again, so nothing is lost or applied twice across failovers. A command still not
 * answered {@link ClientSessions#RESEND_LIMIT_MS} after it was taken is given up: never sent again,
 * so that the cluster, which remembers a client far longer, never sees it after forgetting it.
 * <p>
 * A session whose cluster has been silent for {@link #SILENT_LEADER_TIMEOUTS} leader heartbeat
 * timeouts while commands wait is opened again: a new leader tells the sessions it knows of, but one
 * elected with a member still in its start-up election times them out without telling them, and the
 * client would otherwise learn of it only when its publication to the dead leader times out, 5 s and
 * more later.
 * <p>
 * The answers complete the callers' acknowledgement slots, unless the node's own service hands its
 * writes back itself once it applies them (then the answers only stop the sending); the pages of
 * tweets of a read are copied into the page the caller gave, before its slot completes.
 */
final class IngressClient implements Agent, EgressListener
{
    /** Bytes kept per command in flight: the largest command, a post of 280 four-byte characters. */
    static final int MAX_COMMAND_LENGTH = 2048;
    private static final int MASK = ClientSessions.WINDOW - 1;
    private static final int DRAIN_LIMIT = 64;
    private static final long RECONNECT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long KEEP_ALIVE_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    /** Leader heartbeat timeouts of silence, while commands wait, after which the session is opened again. */
    static final int SILENT_LEADER_TIMEOUTS = 2;
    private static final long RESEND_LIMIT_NS = TimeUnit.MILLISECONDS.toNanos(ClientSessions.RESEND_LIMIT_MS);
    private static final String GIVEN_UP = "no answer from the cluster within " +
        TimeUnit.MILLISECONDS.toMinutes(ClientSessions.RESEND_LIMIT_MS) + " minutes; the write may or may not have been applied";

    private final Supplier<AeronCluster.Context> contexts;
    private final long clientId;
    private final RingBuffer outbox;
    private final AckSlots acks;
    private final TweetPage[] pages;
    private final boolean completesFromAnswers;
    private final NanoClock clock;
    private final long answerTimeoutNs;
    private final ErrorHandler errors;
    private final MessageHandler onCommand = this::onCommand;
    private final UnsafeBuffer commands = new UnsafeBuffer(ByteBuffer.allocateDirect(ClientSessions.WINDOW * MAX_COMMAND_LENGTH));
    private final int[] lengths = new int[ClientSessions.WINDOW];
    private final int[] tags = new int[ClientSessions.WINDOW];
    private final long[] takenAtNs = new long[ClientSessions.WINDOW];
    private final long[] sentAtNs = new long[ClientSessions.WINDOW];
    private final boolean[] answered = new boolean[ClientSessions.WINDOW];
    private final UnsafeBuffer batch = new UnsafeBuffer(ByteBuffer.allocateDirect(IngressLayout.MAX_BATCH_LENGTH));
    private final SilenceWatch silence = new SilenceWatch();
    private AeronCluster cluster;
    private long nextSequence = 1;
    private long oldestUnanswered = 1;
    private long nextToSend = 1;
    private long reconnectAtNs;
    private long keepAliveAtNs;
    private long cycleStartNs;
    private volatile String refusal;

    /**
     * @param contexts             a fresh context for each session opened to the cluster.
     * @param clientId             this client's id: unique among the cluster's clients, for good.
     * @param outbox               where callers put commands laid out as {@link IngressLayout}, tagged with
     *                             their acknowledgement slot.
     * @param acks                 the callers' acknowledgement slots.
     * @param pages                per slot, the page a read fills.
     * @param completesFromAnswers whether the cluster's answers complete the slots (a remote client),
     *                             or the node's own service does (a node).
     * @param answerTimeout        how long before a command not yet answered is sent again.
     */
    IngressClient(
        final Supplier<AeronCluster.Context> contexts, final long clientId, final RingBuffer outbox, final AckSlots acks,
        final TweetPage[] pages, final boolean completesFromAnswers, final NanoClock clock,
        final long answerTimeout, final ErrorHandler errors)
    {
        this.contexts = contexts;
        this.clientId = clientId;
        this.outbox = outbox;
        this.acks = acks;
        this.pages = pages;
        this.completesFromAnswers = completesFromAnswers;
        this.clock = clock;
        this.answerTimeoutNs = answerTimeout;
        this.errors = errors;
    }

    /** Why this client takes no more commands: the cluster refused it (a wrong secret), or it was stopped; or null. Any thread. */
    String refusal()
    {
        return refusal;
    }

    /**
     * Takes no more commands from now on: fails those in flight and every new one with {@code why},
     * for a node whose member stopped applying the log, so that none waits out its timeout. Any thread.
     */
    void stop(final String why)
    {
        refusal = why;
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        cycleStartNs = nowNs;
        if (refusal != null)
        {
            return failPending(refusal);
        }
        int work = outbox.read(onCommand, DRAIN_LIMIT) + giveUpOverdue(nowNs);
        if ((cluster == null || cluster.isClosed()) && !connect(nowNs))
        {
            return work;
        }
        work += cluster.pollEgress();
        if (silence.isSilent(nowNs))
        {
            CloseHelper.quietClose(cluster);
            return work;
        }
        if (oldestUnanswered < nextSequence && nowNs - sentAtNs[(int)(oldestUnanswered & MASK)] > answerTimeoutNs)
        {
            nextToSend = oldestUnanswered;
        }
        work += send(nowNs);
        if (nowNs - keepAliveAtNs > KEEP_ALIVE_INTERVAL_NS && cluster.sendKeepAlive())
        {
            keepAliveAtNs = nowNs;
        }
        return work;
    }

    @Override
    public void onClose()
    {
        CloseHelper.quietClose(cluster);
    }

    @Override
    public String roleName()
    {
        return "timeline-ingress-" + clientId;
    }

    @Override
    public void onMessage(
        final long clusterSessionId, final long timestamp, final DirectBuffer buffer, final int offset, final int length,
        final Header header)
    {
        silence.heard(cycleStartNs);
        final int type = buffer.getInt(offset + EgressLayout.TYPE_OFFSET);
        if (type == EgressLayout.OUTCOMES)
        {
            int outcome = offset + EgressLayout.BATCH_HEADER_LENGTH;
            for (int i = 0, n = buffer.getInt(offset + EgressLayout.COUNT_OFFSET); i < n; i++)
            {
                final int outcomeLength = buffer.getInt(outcome);
                onMessage(clusterSessionId, timestamp, buffer, outcome + Integer.BYTES, outcomeLength, header);
                outcome += Integer.BYTES + outcomeLength;
            }
            return;
        }
        if (buffer.getLong(offset + EgressLayout.CLIENT_OFFSET) != clientId)
        {
            return;
        }
        final long sequence = buffer.getLong(offset + EgressLayout.SEQUENCE_OFFSET);
        final int at = (int)(sequence & MASK);
        if (sequence < oldestUnanswered || sequence >= nextSequence || answered[at])
        {
            return;
        }
        if (type == EgressLayout.PAGE)
        {
            fillPage(tags[at], buffer, offset);
            if ((buffer.getInt(offset + EgressLayout.FLAGS_OFFSET) & EgressLayout.LAST) == 0)
            {
                return;
            }
            answer(sequence, 0, 0, null);
        }
        else
        {
            final int messageLength = length - EgressLayout.MESSAGE_OFFSET;
            answer(
                sequence,
                buffer.getInt(offset + EgressLayout.OUTCOME_OFFSET),
                buffer.getLong(offset + EgressLayout.VALUE_OFFSET),
                messageLength > 0 ? buffer.getStringWithoutLengthUtf8(offset + EgressLayout.MESSAGE_OFFSET, messageLength) :
                    null);
        }
    }

    @Override
    public void onNewLeader(
        final long clusterSessionId, final long leadershipTermId, final int leaderMemberId, final String ingressEndpoints)
    {
        silence.heard(cycleStartNs);
        nextToSend = oldestUnanswered;
    }

    @Override
    public void onSessionEvent(
        final long correlationId, final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
        final EventCode code, final String detail)
    {
        silence.heard(cycleStartNs);
    }

    /** Takes a caller's command: numbers it and keeps it until it is answered. */
    private void onCommand(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long sequence = nextSequence++;
        final int at = (int)(sequence & MASK);
        commands.putBytes(at * MAX_COMMAND_LENGTH, buffer, index, length);
        commands.putLong(at * MAX_COMMAND_LENGTH + CLIENT_OFFSET, clientId);
        commands.putLong(at * MAX_COMMAND_LENGTH + SEQUENCE_OFFSET, sequence);
        lengths[at] = length;
        takenAtNs[at] = cycleStartNs;
        tags[at] = buffer.getInt(index + TAG_OFFSET);
        answered[at] = false;
    }

    /** Sends what is waiting to be sent, until the cluster pushes back. */
    private int send(final long nowNs)
    {
        int sent = 0;
        while (nextToSend < nextSequence)
        {
            int length = IngressLayout.BATCH_HEADER_LENGTH;
            int count = 0;
            long sequence = nextToSend;
            for (; sequence < nextSequence; sequence++)
            {
                final int at = (int)(sequence & MASK);
                if (answered[at])
                {
                    continue;
                }
                if (length + Integer.BYTES + lengths[at] > IngressLayout.MAX_BATCH_LENGTH)
                {
                    break;
                }
                batch.putInt(length, lengths[at]);
                batch.putBytes(length + Integer.BYTES, commands, at * MAX_COMMAND_LENGTH, lengths[at]);
                length += Integer.BYTES + lengths[at];
                count++;
            }
            if (count > 0)
            {
                batch.putInt(IngressLayout.TYPE_OFFSET, IngressLayout.BATCH);
                batch.putInt(IngressLayout.COUNT_OFFSET, count);
                if (cluster.offer(batch, 0, length) < 0)
                {
                    break;
                }
                for (long s = nextToSend; s < sequence; s++)
                {
                    sentAtNs[(int)(s & MASK)] = nowNs;
                }
                silence.sent(nowNs);
                keepAliveAtNs = nowNs;
                sent += count;
            }
            nextToSend = sequence;
        }
        return sent;
    }

    /**
     * Gives up the oldest commands taken longer than the resend limit ago. A remote client's callers
     * are told so; a node's have timed out long before, and its service still completes their slots
     * should the command be applied after all.
     */
    private int giveUpOverdue(final long nowNs)
    {
        int given = 0;
        while (oldestUnanswered < nextSequence && nowNs - takenAtNs[(int)(oldestUnanswered & MASK)] > RESEND_LIMIT_NS)
        {
            answer(oldestUnanswered, Outcomes.FAILED, 0, GIVEN_UP);
            given++;
        }
        nextToSend = Math.max(nextToSend, oldestUnanswered);
        return given;
    }

    private void answer(final long sequence, final int outcome, final long value, final String message)
    {
        final int at = (int)(sequence & MASK);
        answered[at] = true;
        if (completesFromAnswers)
        {
            acks.complete(tags[at], outcome, value, message);
        }
        while (oldestUnanswered < nextSequence && answered[(int)(oldestUnanswered & MASK)])
        {
            oldestUnanswered++;
        }
        if (oldestUnanswered == nextSequence)
        {
            silence.allAnswered();
        }
    }

    private void fillPage(final int tag, final DirectBuffer buffer, final int offset)
    {
        final TweetPage page = pages[tag];
        int at = offset + EgressLayout.TWEETS_OFFSET;
        for (int i = 0, n = buffer.getInt(offset + EgressLayout.COUNT_OFFSET); i < n; i++)
        {
            final int textLength = buffer.getInt(at + EgressLayout.TWEET_TEXT_LENGTH_OFFSET);
            page.add(
                buffer.getLong(at + EgressLayout.TWEET_ID_OFFSET), buffer.getLong(at + EgressLayout.TWEET_AUTHOR_OFFSET),
                buffer, at + EgressLayout.TWEET_TEXT_OFFSET, textLength);
            at += EgressLayout.TWEET_TEXT_OFFSET + textLength;
        }
    }

    /** Opens a session with the cluster, at most every {@link #RECONNECT_INTERVAL_NS}; true once open. */
    private boolean connect(final long nowNs)
    {
        if (refusal != null || nowNs < reconnectAtNs)
        {
            return false;
        }
        reconnectAtNs = nowNs + RECONNECT_INTERVAL_NS;
        CloseHelper.quietClose(cluster);
        cluster = null;
        try
        {
            cluster = AeronCluster.connect(contexts.get().egressListener(this));
            nextToSend = oldestUnanswered;
            keepAliveAtNs = nowNs;
            // Aeron sets a session's new-leader timeout to two of the cluster's leader heartbeat timeouts.
            silence.opened(cluster.context().newLeaderTimeoutNs() / 2 * SILENT_LEADER_TIMEOUTS);
            return true;
        }
        catch (final AuthenticationException ex)
        {
            refusal = "the cluster refused this client: wrong or missing secret";
            return false;
        }
        catch (final AeronException ex)
        {
            errors.onError(ex);
            return false;
        }
    }

    /** Answers every command in flight with {@code why}; returns how many. */
    private int failPending(final String why)
    {
        final int taken = outbox.read(onCommand, Integer.MAX_VALUE);
        for (long sequence = oldestUnanswered; sequence < nextSequence; sequence++)
        {
            if (!answered[(int)(sequence & MASK)])
            {
                acks.complete(tags[(int)(sequence & MASK)], Outcomes.FAILED, 0, why);
                answered[(int)(sequence & MASK)] = true;
            }
        }
        oldestUnanswered = nextSequence;
        nextToSend = nextSequence;
        return taken;
    }
}
