package dev.timeline.engine.state;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static dev.timeline.engine.state.TweetLayout.AUTHOR_OFFSET;
import static dev.timeline.engine.state.TweetLayout.DELETED_FLAG;
import static dev.timeline.engine.state.TweetLayout.FLAGS_OFFSET;
import static dev.timeline.engine.state.TweetLayout.ID_OFFSET;
import static dev.timeline.engine.state.TweetLayout.LENGTH;
import static dev.timeline.engine.state.TweetLayout.PREVIOUS_OFFSET;
import static dev.timeline.engine.state.TweetLayout.TEXT_LENGTH_OFFSET;
import static dev.timeline.engine.state.TweetLayout.TEXT_OFFSET_OFFSET;

/**
 * Every tweet a partition holds, in id order, as {@link TweetLayout} records addressed by a dense
 * tweet index. Each record links to its author's previous tweet, so an author's tweets are a chain
 * walked newest first.
 * <p>
 * Single writer appends and flags deletions; readers on any thread read records below
 * {@link #countAcquire()}.
 */
final class TweetStore
{
    private static final int RECORDS_SHIFT = 16;
    private static final int RECORDS_MASK = (1 << RECORDS_SHIFT) - 1;
    /** The most a post can need at once: a new chunk of records and one of texts, with their alignment. */
    static final long NEXT_CHUNKS_BYTES = (LENGTH << RECORDS_SHIFT) + TextLog.CHUNK_BYTES + 2 * ChunkedMemory.ALIGNMENT;
    private static final VarHandle COUNT;

    static
    {
        try
        {
            COUNT = MethodHandles.lookup().findVarHandle(TweetStore.class, "count", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final ChunkedMemory records;
    private final TextLog texts;
    private final DeletedBits deletedBits = new DeletedBits(RECORDS_SHIFT);
    private int count;
    private int deleted;

    TweetStore(final OffHeapBudget budget)
    {
        records = new ChunkedMemory(LENGTH << RECORDS_SHIFT, budget, false);
        texts = new TextLog(budget);
    }

    /**
     * Writer only: makes room for the next tweet, with a text of {@code textLength} bytes, so that
     * appending it allocates nothing.
     *
     * @throws dev.timeline.engine.MemoryLimitException if the room would pass the direct memory limit.
     */
    void reserve(final int textLength)
    {
        records.ensureChunk(count >>> RECORDS_SHIFT);
        deletedBits.ensure(count);
        texts.reserve(textLength);
    }

    /** Writer only: stores a tweet whose id is larger than every id stored; returns its index. */
    int append(
        final long id, final int author, final int previous, final DirectBuffer text, final int offset, final int length)
    {
        final int tweet = count;
        if (tweet == Integer.MAX_VALUE)
        {
            throw new IllegalStateException("a partition holds at most " + Integer.MAX_VALUE + " tweets");
        }
        final UnsafeBuffer chunk = records.ensureChunk(tweet >>> RECORDS_SHIFT);
        deletedBits.ensure(tweet);
        final int at = recordOffset(tweet);
        chunk.putLong(at + ID_OFFSET, id);
        chunk.putLong(at + TEXT_OFFSET_OFFSET, texts.append(text, offset, length));
        chunk.putInt(at + AUTHOR_OFFSET, author);
        chunk.putInt(at + PREVIOUS_OFFSET, previous);
        chunk.putInt(at + TEXT_LENGTH_OFFSET, length);
        chunk.putInt(at + FLAGS_OFFSET, 0);
        COUNT.setRelease(this, tweet + 1);
        return tweet;
    }

    /** Writer only: flags a tweet deleted, in its record for snapshots and in the bits readers check. */
    void markDeleted(final int tweet)
    {
        chunkOf(tweet).putInt(recordOffset(tweet) + FLAGS_OFFSET, DELETED_FLAG);
        deletedBits.set(tweet);
        deleted++;
    }

    /** Writer only: the index of the tweet with {@code id}, or -1. */
    int find(final long id)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midId = id(mid);
            if (midId < id)
            {
                low = mid + 1;
            }
            else if (midId > id)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -1;
    }

    /** Tweets stored and published to readers. */
    int countAcquire()
    {
        return (int)COUNT.getAcquire(this);
    }

    /** Writer only: tweets stored. */
    int count()
    {
        return count;
    }

    /** Writer only: tweets flagged deleted. */
    int deletedCount()
    {
        return deleted;
    }

    long id(final int tweet)
    {
        return chunkOf(tweet).getLong(recordOffset(tweet) + ID_OFFSET);
    }

    int author(final int tweet)
    {
        return chunkOf(tweet).getInt(recordOffset(tweet) + AUTHOR_OFFSET);
    }

    int previous(final int tweet)
    {
        return chunkOf(tweet).getInt(recordOffset(tweet) + PREVIOUS_OFFSET);
    }

    /** Whether {@code tweet}, one this store has published, is deleted; reads no record. */
    boolean isDeleted(final int tweet)
    {
        return deletedBits.isSet(tweet);
    }

    int textLength(final int tweet)
    {
        return chunkOf(tweet).getInt(recordOffset(tweet) + TEXT_LENGTH_OFFSET);
    }

    /** The text log's buffer holding the text of {@code tweet}, at {@link #textOffset}. */
    UnsafeBuffer textBuffer(final int tweet)
    {
        return texts.buffer(chunkOf(tweet).getLong(recordOffset(tweet) + TEXT_OFFSET_OFFSET));
    }

    /** Where in {@link #textBuffer} the text of {@code tweet} starts. */
    int textOffset(final int tweet)
    {
        return TextLog.offset(chunkOf(tweet).getLong(recordOffset(tweet) + TEXT_OFFSET_OFFSET));
    }

    /** Copies the text of {@code tweet} into {@code destination}; returns its length in bytes. */
    int copyText(final int tweet, final MutableDirectBuffer destination, final int destinationOffset)
    {
        final UnsafeBuffer chunk = chunkOf(tweet);
        final int at = recordOffset(tweet);
        final int length = chunk.getInt(at + TEXT_LENGTH_OFFSET);
        texts.copy(chunk.getLong(at + TEXT_OFFSET_OFFSET), length, destination, destinationOffset);
        return length;
    }

    void writeTo(final SnapshotOutput out) throws IOException
    {
        out.putInt(count);
        out.putInt(deleted);
        records.writeTo(out, (long)count * LENGTH);
        texts.writeTo(out);
    }

    /** Writer only, on an empty store. */
    void readFrom(final SnapshotInput in) throws IOException
    {
        final int count = in.getCount(LENGTH);
        deleted = in.getInt();
        records.readFrom(in, (long)count * LENGTH);
        texts.readFrom(in);
        if (count > 0)
        {
            deletedBits.ensure(count - 1);
        }
        for (int tweet = 0, found = 0; tweet < count && found < deleted; tweet++)
        {
            if ((chunkOf(tweet).getInt(recordOffset(tweet) + FLAGS_OFFSET) & DELETED_FLAG) != 0)
            {
                deletedBits.set(tweet);
                found++;
            }
        }
        COUNT.setRelease(this, count);
    }

    /** Releases the off-heap memory; only once nothing reads or writes the store any more. */
    void free()
    {
        records.free();
        texts.free();
        deletedBits.clear();
    }

    long reservedBytes()
    {
        return records.reservedBytes() + texts.reservedBytes();
    }

    private UnsafeBuffer chunkOf(final int tweet)
    {
        return records.chunk(tweet >>> RECORDS_SHIFT);
    }

    private static int recordOffset(final int tweet)
    {
        return (tweet & RECORDS_MASK) * LENGTH;
    }
}
