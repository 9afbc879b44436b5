package dev.timeline.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Appends events to a queue, encoding each one in place in the memory-mapped file: the space the append writes is
 * made sure of first ({@link CycleFileReserve}), the document is claimed, the event is written into it through an
 * {@link UnsafeBuffer} over its address, and closing the document publishes it to readers complete or not at all.
 * Numbers the events with dense sequence numbers. Allocation-free in steady state. Single writer: one thread at a
 * time, handed over with a happens-before edge.
 */
final class JournalAppender implements AutoCloseable
{
    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final EventClock clock;
    private final CycleFileSync fileSync = new CycleFileSync();
    private final CycleFileReserve reserve;
    private final UnsafeBuffer claimBuffer = new UnsafeBuffer(0, 0);
    private final EventEncoder encoder = new EventEncoder();
    private DocumentContext claimed;
    private long nextSequence;

    /**
     * @param directory    of the journal, for messages.
     * @param queue        to append to.
     * @param clock        the queue's clock, which this appender advances to the time of each event.
     * @param nextSequence sequence number of the next event.
     */
    JournalAppender(
        final Path directory, final SingleChronicleQueue queue, final EventClock clock, final long nextSequence)
    {
        this.directory = directory;
        this.queue = queue;
        this.clock = clock;
        reserve = new CycleFileReserve(directory, queue.blockSize(), queue.overlapSize());
        appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true);
        this.nextSequence = nextSequence;
    }

    long appendFollow(final long time, final long follower, final long followee)
    {
        return commit(claim(time, FollowEventDescriptor.LENGTH).encodeFollow(nextSequence, time, follower, followee));
    }

    long appendUnfollow(final long time, final long follower, final long followee)
    {
        return commit(claim(time, FollowEventDescriptor.LENGTH).encodeUnfollow(nextSequence, time, follower, followee));
    }

    long appendPost(
        final long time, final long tweetId, final long author, final DirectBuffer text, final int offset, final int length)
    {
        return commit(claim(time, PostEventDescriptor.length(length))
            .encodePost(nextSequence, time, tweetId, author, text, offset, length));
    }

    long appendDelete(final long time, final long tweetId)
    {
        return commit(claim(time, DeleteEventDescriptor.LENGTH).encodeDelete(nextSequence, time, tweetId));
    }

    /**
     * Force everything appended so far to storage.
     *
     * @throws IOException if the file cannot be forced.
     */
    void sync() throws IOException
    {
        final File file = appender.currentFile();
        if (null != file)
        {
            fileSync.sync(file);
        }
    }

    public void close()
    {
        CloseHelper.closeAll(fileSync, reserve, appender);
    }

    private EventEncoder claim(final long time, final int length)
    {
        clock.advanceTo(time);
        reserve.reserveForAppend(queue.cycle(), appender);
        try
        {
            claimed = appender.writingDocument();
            final Bytes<?> bytes = claimed.wire().bytes();
            bytes.ensureCapacity(bytes.writePosition() + length);
            claimBuffer.wrap(bytes.addressForWritePosition(), length);

            return encoder.wrap(claimBuffer, 0);
        }
        catch (final RuntimeException | AssertionError | InternalError ex)
        {
            throw appendFailed(ex);
        }
    }

    private long commit(final int length)
    {
        try
        {
            final Bytes<?> bytes = claimed.wire().bytes();
            bytes.writeSkip(length);
            reserve.appended(bytes.writePosition());
            claimed.close();
            claimed = null;
            nextSequence++;

            return appender.lastIndexAppended();
        }
        catch (final RuntimeException | AssertionError | InternalError ex)
        {
            throw appendFailed(ex);
        }
    }

    private JournalException appendFailed(final Throwable cause)
    {
        final DocumentContext context = claimed;
        claimed = null;
        if (null != context)
        {
            context.rollbackOnClose();
            CloseHelper.quietClose(context);
        }

        return new JournalException("cannot append to the journal in " + directory + ": " + cause, cause);
    }
}
