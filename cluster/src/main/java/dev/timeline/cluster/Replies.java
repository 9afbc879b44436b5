package dev.timeline.cluster;

import dev.timeline.engine.state.TweetPage;
import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.nio.charset.StandardCharsets;

import static dev.timeline.cluster.EgressLayout.CLIENT_OFFSET;
import static dev.timeline.cluster.EgressLayout.COUNT_OFFSET;
import static dev.timeline.cluster.EgressLayout.FLAGS_OFFSET;
import static dev.timeline.cluster.EgressLayout.MESSAGE_OFFSET;
import static dev.timeline.cluster.EgressLayout.OUTCOME_OFFSET;
import static dev.timeline.cluster.EgressLayout.SEQUENCE_OFFSET;
import static dev.timeline.cluster.EgressLayout.TWEETS_OFFSET;
import static dev.timeline.cluster.EgressLayout.TWEET_AUTHOR_OFFSET;
import static dev.timeline.cluster.EgressLayout.TWEET_ID_OFFSET;
import static dev.timeline.cluster.EgressLayout.TWEET_TEXT_LENGTH_OFFSET;
import static dev.timeline.cluster.EgressLayout.TWEET_TEXT_OFFSET;
import static dev.timeline.cluster.EgressLayout.TYPE_OFFSET;

/**
 * Encodes the service's answers, laid out as {@link EgressLayout}, and offers them to the session
 * they answer: on the leader they reach the client, on a follower the offer goes nowhere. A client
 * too slow to take an answer after a few tries loses it rather than stall the log; it asks again
 * and is answered from what the cluster remembers. Service thread only.
 */
final class Replies
{
    /** The most bytes of one page message: a page of tweets takes as many as it needs. */
    static final int PAGE_MESSAGE_BYTES = 4096;
    private static final int OFFER_TRIES = 1_000;

    /** The most bytes of a message of outcomes. */
    private static final int OUTCOMES_MESSAGE_BYTES = 16 * 1024;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(PAGE_MESSAGE_BYTES);
    private final ExpandableArrayBuffer outcomes = new ExpandableArrayBuffer(OUTCOMES_MESSAGE_BYTES);
    private final IdleStrategy idle;
    private ClientSession batchSession;
    private int batchCount;
    private int batchLength;
    private ClientSession session;
    private long clientId;
    private long sequence;

    Replies(final IdleStrategy idle)
    {
        this.idle = idle;
    }

    /** The next answers go to {@code session}, for command {@code sequence} of {@code clientId}. */
    void to(final ClientSession session, final long clientId, final long sequence)
    {
        this.session = session;
        this.clientId = clientId;
        this.sequence = sequence;
    }

    /** Gathers the outcomes to come into one message for {@code session}, until {@link #endBatch}. */
    void beginBatch(final ClientSession session)
    {
        batchSession = session;
        batchCount = 0;
        batchLength = EgressLayout.BATCH_HEADER_LENGTH;
    }

    /** Sends the outcomes gathered since {@link #beginBatch}. */
    void endBatch()
    {
        flushBatch();
        batchSession = null;
    }

    /** Answers with an outcome of the engine's {@code Outcomes}, and the message of a refusal. */
    void outcome(final int outcome, final long value, final String message)
    {
        buffer.putInt(TYPE_OFFSET, EgressLayout.OUTCOME);
        buffer.putInt(OUTCOME_OFFSET, outcome);
        buffer.putLong(CLIENT_OFFSET, clientId);
        buffer.putLong(SEQUENCE_OFFSET, sequence);
        buffer.putLong(EgressLayout.VALUE_OFFSET, value);
        int length = MESSAGE_OFFSET;
        if (message != null)
        {
            final byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            buffer.putBytes(MESSAGE_OFFSET, bytes);
            length += bytes.length;
        }
        if (batchSession == null)
        {
            offer(buffer, length);
            return;
        }
        if (batchLength + Integer.BYTES + length > OUTCOMES_MESSAGE_BYTES)
        {
            flushBatch();
        }
        outcomes.putInt(batchLength, length);
        outcomes.putBytes(batchLength + Integer.BYTES, buffer, 0, length);
        batchLength += Integer.BYTES + length;
        batchCount++;
    }

    /** Answers with the tweets of {@code page}, in as many messages as they take. */
    void page(final TweetPage page)
    {
        flushBatch();
        int tweet = 0;
        do
        {
            int length = TWEETS_OFFSET;
            int count = 0;
            while (tweet < page.size() &&
                (count == 0 || length + TWEET_TEXT_OFFSET + page.textLength(tweet) <= PAGE_MESSAGE_BYTES))
            {
                buffer.putLong(length + TWEET_ID_OFFSET, page.id(tweet));
                buffer.putLong(length + TWEET_AUTHOR_OFFSET, page.author(tweet));
                buffer.putInt(length + TWEET_TEXT_LENGTH_OFFSET, page.textLength(tweet));
                buffer.putBytes(
                    length + TWEET_TEXT_OFFSET, page.textBuffer(), page.textOffset(tweet), page.textLength(tweet));
                length += TWEET_TEXT_OFFSET + page.textLength(tweet);
                count++;
                tweet++;
            }
            buffer.putInt(TYPE_OFFSET, EgressLayout.PAGE);
            buffer.putInt(COUNT_OFFSET, count);
            buffer.putLong(CLIENT_OFFSET, clientId);
            buffer.putLong(SEQUENCE_OFFSET, sequence);
            buffer.putInt(FLAGS_OFFSET, tweet == page.size() ? EgressLayout.LAST : 0);
            offer(buffer, length);
        }
        while (tweet < page.size());
    }

    private void flushBatch()
    {
        if (batchSession != null && batchCount > 0)
        {
            outcomes.putInt(TYPE_OFFSET, EgressLayout.OUTCOMES);
            outcomes.putInt(COUNT_OFFSET, batchCount);
            offer(outcomes, batchLength);
            batchCount = 0;
            batchLength = EgressLayout.BATCH_HEADER_LENGTH;
        }
    }

    private void offer(final DirectBuffer message, final int length)
    {
        idle.reset();
        for (int tries = 0; tries < OFFER_TRIES; tries++)
        {
            final long result = session.offer(message, 0, length);
            if (result > 0 || result == Publication.NOT_CONNECTED || result == Publication.CLOSED ||
                result == Publication.MAX_POSITION_EXCEEDED)
            {
                return;
            }
            idle.idle();
        }
    }
}
