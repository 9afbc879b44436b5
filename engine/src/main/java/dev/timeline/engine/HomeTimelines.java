package dev.timeline.engine;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;

import static dev.timeline.engine.TimelineLayout.ENTRY_AUTHOR_OFFSET;
import static dev.timeline.engine.TimelineLayout.ENTRY_ID_OFFSET;
import static dev.timeline.engine.TimelineLayout.ENTRY_TWEET_OFFSET;
import static dev.timeline.engine.TimelineLayout.count;
import static dev.timeline.engine.TimelineLayout.entryOffset;
import static dev.timeline.engine.TimelineLayout.ring;
import static dev.timeline.engine.TimelineLayout.start;

/**
 * The materialized home timelines of a partition laid out as {@link TimelineLayout}: each user's
 * ring of entries in a fixed-capacity off-heap block, allocated on first delivery and never moved,
 * and its header in the {@link UserTable}.
 * <p>
 * Entries are addressed by position, {@code 0} the oldest. The writer methods must run inside the
 * user's seqlock write section; the accessors are safe from any thread inside a seqlock read, whose
 * caller must treat every value as possibly torn until the read is validated.
 */
final class HomeTimelines
{
    private static final int CHUNK_BYTES = 1 << 26;

    private final int capacity;
    private final int blockLength;
    private final int blocksPerChunk;
    private final ChunkedMemory memory;
    private int blocks;

    private final long[] mergeIds;
    private final int[] mergeAuthors;
    private final int[] mergeTweets;

    HomeTimelines(final int capacity)
    {
        this.capacity = capacity;
        blockLength = TimelineLayout.blockLength(capacity);
        blocksPerChunk = Math.max(1, CHUNK_BYTES / blockLength);
        memory = new ChunkedMemory(blocksPerChunk * blockLength);
        mergeIds = new long[capacity * 2];
        mergeAuthors = new int[capacity * 2];
        mergeTweets = new int[capacity * 2];
    }

    int capacity()
    {
        return capacity;
    }

    /** Writer only: appends an entry whose id is larger than every id held, trimming the oldest when full. */
    void append(final UserTable table, final int user, final long id, final int author, final int tweet)
    {
        final int block = blockOf(table, user);
        final UnsafeBuffer chunk = chunk(block);
        final int at = blockOffset(block);
        final long ring = table.ring(user);
        int start = start(ring);
        int count = count(ring);
        if (count == capacity)
        {
            table.horizon(user, chunk.getLong(entryOffset(at, start) + ENTRY_ID_OFFSET));
            start = start + 1 == capacity ? 0 : start + 1;
            count--;
        }
        putEntry(chunk, entryOffset(at, ringIndex(start, count)), id, author, tweet);
        table.ring(user, ring(start, count + 1));
    }

    /** Writer only: removes every entry by {@code author}, keeping the rest in order. */
    void removeAuthor(final UserTable table, final int user, final int author)
    {
        final int block = table.block(user);
        if (block < 0)
        {
            return;
        }
        final UnsafeBuffer chunk = chunk(block);
        final int at = blockOffset(block);
        final long ring = table.ring(user);
        final int start = start(ring);
        final int count = count(ring);
        int kept = 0;
        for (int position = 0; position < count; position++)
        {
            final int from = entryOffset(at, ringIndex(start, position));
            if (chunk.getInt(from + ENTRY_AUTHOR_OFFSET) != author)
            {
                if (kept != position)
                {
                    putEntry(
                        chunk,
                        entryOffset(at, ringIndex(start, kept)),
                        chunk.getLong(from + ENTRY_ID_OFFSET),
                        chunk.getInt(from + ENTRY_AUTHOR_OFFSET),
                        chunk.getInt(from + ENTRY_TWEET_OFFSET));
                }
                kept++;
            }
        }
        table.ring(user, ring(start, kept));
    }

    /**
     * Writer only: merges entries of one author into the timeline, dropping duplicates, keeping the
     * newest {@code capacity} and raising the horizon past everything dropped.
     *
     * @param ids          ids of the new entries, newest first, all above the horizon.
     * @param authors      their authors.
     * @param tweets       their tweet indexes.
     * @param length       how many new entries.
     * @param notCollected the largest id above the horizon left out of {@code ids}, or 0: the
     *                     timeline is then only complete above it.
     */
    void merge(
        final UserTable table, final int user, final long[] ids, final int[] authors, final int[] tweets,
        final int length, final long notCollected)
    {
        final int block = blockOf(table, user);
        final UnsafeBuffer chunk = chunk(block);
        final int at = blockOffset(block);
        final long ring = table.ring(user);
        final int start = start(ring);
        final int count = count(ring);
        long horizon = Math.max(table.horizon(user), notCollected);

        int merged = 0;
        int held = 0;
        int added = length - 1;
        while (held < count || added >= 0)
        {
            final int from = entryOffset(at, ringIndex(start, held));
            final long heldId = held < count ? chunk.getLong(from + ENTRY_ID_OFFSET) : Long.MAX_VALUE;
            final long addedId = added >= 0 ? ids[added] : Long.MAX_VALUE;
            if (heldId <= addedId)
            {
                mergeIds[merged] = heldId;
                mergeAuthors[merged] = chunk.getInt(from + ENTRY_AUTHOR_OFFSET);
                mergeTweets[merged++] = chunk.getInt(from + ENTRY_TWEET_OFFSET);
                held++;
                if (heldId == addedId)
                {
                    added--;
                }
            }
            else
            {
                mergeIds[merged] = addedId;
                mergeAuthors[merged] = authors[added];
                mergeTweets[merged++] = tweets[added--];
            }
        }

        int first = Math.max(0, merged - capacity);
        if (first > 0)
        {
            horizon = Math.max(horizon, mergeIds[first - 1]);
        }
        while (first < merged && mergeIds[first] <= horizon)
        {
            first++;
        }
        for (int i = first; i < merged; i++)
        {
            putEntry(chunk, entryOffset(at, i - first), mergeIds[i], mergeAuthors[i], mergeTweets[i]);
        }
        table.horizon(user, horizon);
        table.ring(user, ring(0, merged - first));
    }

    void writeTo(final SnapshotOutput out) throws IOException
    {
        out.putInt(blocks);
        memory.writeTo(out, usedBytes());
    }

    /** Writer only, on timelines with no block allocated. */
    void readFrom(final SnapshotInput in) throws IOException
    {
        blocks = in.getInt();
        memory.readFrom(in, usedBytes());
    }

    /** The chunk holding {@code block}, or null if not yet visible to this thread. */
    UnsafeBuffer chunk(final int block)
    {
        return memory.chunk(block / blocksPerChunk);
    }

    int blockOffset(final int block)
    {
        return (block % blocksPerChunk) * blockLength;
    }

    /** The ring index of {@code position} in a timeline whose oldest entry is at {@code start}. */
    int ringIndex(final int start, final int position)
    {
        final int index = start + position;
        return index >= capacity ? index - capacity : index;
    }

    /** Releases the off-heap memory; only once nothing reads or writes the timelines any more. */
    void free()
    {
        memory.free();
    }

    long reservedBytes()
    {
        return memory.reservedBytes();
    }

    private int blockOf(final UserTable table, final int user)
    {
        int block = table.block(user);
        if (block < 0)
        {
            block = blocks++;
            memory.ensureChunk(block / blocksPerChunk);
            table.block(user, block);
        }
        return block;
    }

    private long usedBytes()
    {
        return (long)(blocks / blocksPerChunk) * memory.chunkBytes() + (long)(blocks % blocksPerChunk) * blockLength;
    }

    private static void putEntry(
        final UnsafeBuffer chunk, final int offset, final long id, final int author, final int tweet)
    {
        chunk.putLong(offset + ENTRY_ID_OFFSET, id);
        chunk.putInt(offset + ENTRY_AUTHOR_OFFSET, author);
        chunk.putInt(offset + ENTRY_TWEET_OFFSET, tweet);
    }
}
