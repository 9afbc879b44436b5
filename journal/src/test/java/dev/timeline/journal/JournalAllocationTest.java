package dev.timeline.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appending and replaying allocate nothing per event, counted by the JVM's per-thread allocation counter.
 */
class JournalAllocationTest
{
    private static final int WARM_UP_ROUNDS = 5;
    private static final int EVENTS_PER_ROUND = 10_000;
    private static final long ALLOWED_BYTES = 4096;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void appendAndReplayAllocateNothingPerEvent()
    {
        final UnsafeBuffer text = new UnsafeBuffer(new byte[140]);
        final CountingHandler handler = new CountingHandler();
        try (Journal journal = Journal.open(dir); JournalTailer tailer = journal.tailer(0))
        {
            for (int i = 0; i < WARM_UP_ROUNDS; i++)
            {
                appendRound(journal, text);
                tailer.poll(handler, Integer.MAX_VALUE);
            }

            final long beforeAppends = allocatedBytes();
            appendRound(journal, text);
            final long appendBytes = allocatedBytes() - beforeAppends;

            final long beforePolls = allocatedBytes();
            final int polled = tailer.poll(handler, Integer.MAX_VALUE);
            final long pollBytes = allocatedBytes() - beforePolls;

            assertEquals(4 * EVENTS_PER_ROUND, polled);
            assertTrue(appendBytes < ALLOWED_BYTES, appendBytes + " bytes allocated by " + polled + " appends");
            assertTrue(pollBytes < ALLOWED_BYTES, pollBytes + " bytes allocated by reading " + polled + " events");
        }
    }

    private static void appendRound(final Journal journal, final DirectBuffer text)
    {
        for (int i = 0; i < EVENTS_PER_ROUND; i++)
        {
            journal.appendFollow(i, 1, i);
            journal.appendPost(i, i, 1, text, 0, text.capacity());
            journal.appendUnfollow(i, 1, i);
            journal.appendDelete(i, i);
        }
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static final class CountingHandler implements JournalHandler
    {
        long sum;

        public void onFollow(final long index, final long time, final long follower, final long followee)
        {
            sum += followee;
        }

        public void onUnfollow(final long index, final long time, final long follower, final long followee)
        {
            sum -= followee;
        }

        public void onPost(
            final long index,
            final long time,
            final long tweetId,
            final long author,
            final DirectBuffer text,
            final int offset,
            final int length)
        {
            sum += text.getByte(offset + length - 1);
        }

        public void onDelete(final long index, final long time, final long tweetId)
        {
            sum += tweetId;
        }
    }
}
