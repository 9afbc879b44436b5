package dev.timeline.engine.state;

import dev.timeline.engine.MemoryLimitException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;

import static dev.timeline.engine.state.TimelineLayout.ENTRY_AUTHOR_OFFSET;
import static dev.timeline.engine.state.TimelineLayout.ENTRY_ID_OFFSET;
import static dev.timeline.engine.state.TimelineLayout.ENTRY_TWEET_OFFSET;
import static dev.timeline.engine.state.TimelineLayout.count;
import static dev.timeline.engine.state.TimelineLayout.entryOffset;
import static dev.timeline.engine.state.TimelineLayout.ring;
import static dev.timeline.engine.state.TimelineLayout.start;

/**
 * The materialized home timelines of a partition laid out as {@link TimelineLayout}: each user's
 * ring of entries in an off-heap block and its header in the {@link UserTable}. A timeline starts
 * in a small block and moves to a four times larger one when it fills, up to the configured
 * capacity, so memory follows the entries delivered rather than the capacity.
 * <p>
 * A timeline is a cache of what reads can always merge from the authors' tweets, so running out of
 * direct memory never fails a command: a timeline that cannot move to a larger block keeps the one it
 * has, or none, and raises its horizon past what it could not keep, which reads then merge from
 * the authors' chains as they do for anything below the horizon. Such refusals are counted.
 * <p>
 * Entries are addressed by position, {@code 0} the oldest. The writer methods must run inside the
 * user's seqlock write section; the accessors are safe from any thread inside a seqlock read, whose
 * caller must treat every value as possibly torn until the read is validated.
 */
final class HomeTimelines
{
    private static final int SMALLEST_BLOCK = 16;
    private static final int GROWTH = 4;

    private final int capacity;
    private final BlockPool[] pools;
    private final long[] mergeIds;
    private final int[] mergeAuthors;
    private final int[] mergeTweets;
    private final UnsafeBuffer[] prefetchChunks = new UnsafeBuffer[DeliveryGroup.SIZE * 2];
    private final int[] prefetchOffsets = new int[DeliveryGroup.SIZE * 2];
    private long blocksRefused;
    /** The sum of what {@link #prefetch} read, kept so that its loads are not compiled away. */
    private long prefetched;

    HomeTimelines(final int capacity, final OffHeapBudget budget)
    {
        this.capacity = capacity;
        int pools = 1;
        for (long size = SMALLEST_BLOCK; size < capacity; size *= GROWTH)
        {
            pools++;
        }
        this.pools = new BlockPool[pools];
        for (int pool = 0, size = Math.min(SMALLEST_BLOCK, capacity); pool < pools; pool++, size *= GROWTH)
        {
            this.pools[pool] = new BlockPool(Math.min(size, capacity), budget);
        }
        mergeIds = new long[capacity * 2];
        mergeAuthors = new int[capacity * 2];
        mergeTweets = new int[capacity * 2];
    }

    /** Entries kept per timeline at most. */
    int timelineCapacity()
    {
        return capacity;
    }

    /**
     * Writer only: adds an entry that may be older than the newest held (a delivery from another
     * partition overtaken by a newer tweet), in id order, trimming the oldest when full. An entry that
     * would be trimmed at once only raises the horizon; one at or below the horizon is not needed.
     */
    void add(final UserTable table, final int user, final long id, final int author, final int tweet)
    {
        if (id <= table.horizon(user))
        {
            return;
        }
        final long ring = table.ring(user);
        final long block = table.block(user);
        if (block >= 0 && count(ring) > 0 && id <= entryId(block, ring, count(ring) - 1))
        {
            insert(table, user, id, author, tweet);
        }
        else
        {
            append(table, user, id, author, tweet);
        }
    }

    /**
     * Writer only: brings into cache what adding an entry to the timelines of the first {@code count}
     * of {@code users}, at most {@link DeliveryGroup#SIZE}, reads first: their headers, then in each
     * ring the slot the next entry goes to and, unless {@code newest} says the entry is newer than
     * all, the newest entry, which it is compared with. A ring about to move to a larger block is left
     * out. Each of the three passes is a short loop of independent loads, so the processor overlaps the
     * cache misses of the whole group, where the longer work of one delivery after another would wait
     * for each in turn.
     */
    void prefetch(final UserTable table, final int[] users, final boolean[] newest, final int count)
    {
        long loaded = 0;
        for (int i = 0; i < count; i++)
        {
            loaded += table.ring(users[i]);
        }
        int slots = 0;
        for (int i = 0; i < count; i++)
        {
            final int user = users[i];
            final long block = table.block(user);
            final long ring = table.ring(user);
            final int held = count(ring);
            final int blockCapacity = capacity(block);
            if (block >= 0 && held > 0 && (held < blockCapacity || blockCapacity == capacity))
            {
                final UnsafeBuffer chunk = chunk(block);
                final int at = blockOffset(block);
                final int start = start(ring);
                prefetchChunks[slots] = chunk;
                prefetchOffsets[slots++] = entryOffset(at, held == blockCapacity ? start : ringIndex(blockCapacity, start, held));
                if (!newest[i])
                {
                    prefetchChunks[slots] = chunk;
                    prefetchOffsets[slots++] = entryOffset(at, ringIndex(blockCapacity, start, held - 1));
                }
            }
        }
        for (int i = 0; i < slots; i++)
        {
            loaded += prefetchChunks[i].getLong(prefetchOffsets[i]);
        }
        prefetched += loaded;
    }

    /** Writer only: appends an entry whose id is larger than every id held, trimming the oldest when full. */
    void append(final UserTable table, final int user, final long id, final int author, final int tweet)
    {
        long ring = table.ring(user);
        long block = table.block(user);
        int blockCapacity = capacity(block);
        if (block < 0 || count(ring) == blockCapacity && blockCapacity < capacity)
        {
            final long moved = move(table, user, block, count(ring) + 1, true);
            if (moved >= 0)
            {
                block = moved;
                ring = table.ring(user);
                blockCapacity = capacity(block);
            }
            else if (block < 0)
            {
                table.horizon(user, Math.max(table.horizon(user), id));
                return;
            }
        }
        final UnsafeBuffer chunk = chunk(block);
        final int at = blockOffset(block);
        int start = start(ring);
        int count = count(ring);
        if (count == blockCapacity)
        {
            table.horizon(user, chunk.getLong(entryOffset(at, start) + ENTRY_ID_OFFSET));
            start = start + 1 == blockCapacity ? 0 : start + 1;
            count--;
        }
        putEntry(chunk, entryOffset(at, ringIndex(blockCapacity, start, count)), id, author, tweet);
        table.ring(user, ring(start, count + 1));
    }

    private void insert(final UserTable table, final int user, final long id, final int author, final int tweet)
    {
        long ring = table.ring(user);
        long block = table.block(user);
        int low = 0;
        int high = count(ring);
        while (low < high)
        {
            final int middle = (low + high) >>> 1;
            if (entryId(block, ring, middle) < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        int position = low;
        if (position < count(ring) && entryId(block, ring, position) == id)
        {
            return;
        }
        if (count(ring) == capacity(block) && capacity(block) < capacity)
        {
            final long moved = move(table, user, block, count(ring) + 1, true);
            if (moved >= 0)
            {
                block = moved;
                ring = table.ring(user);
            }
        }
        final int blockCapacity = capacity(block);
        final UnsafeBuffer chunk = chunk(block);
        final int at = blockOffset(block);
        int start = start(ring);
        int count = count(ring);
        if (count == blockCapacity)
        {
            if (position == 0)
            {
                table.horizon(user, id);
                return;
            }
            table.horizon(user, chunk.getLong(entryOffset(at, start) + ENTRY_ID_OFFSET));
            start = start + 1 == blockCapacity ? 0 : start + 1;
            count--;
            position--;
        }
        for (int i = count; i > position; i--)
        {
            chunk.putBytes(
                entryOffset(at, ringIndex(blockCapacity, start, i)),
                chunk,
                entryOffset(at, ringIndex(blockCapacity, start, i - 1)),
                TimelineLayout.ENTRY_LENGTH);
        }
        putEntry(chunk, entryOffset(at, ringIndex(blockCapacity, start, position)), id, author, tweet);
        table.ring(user, ring(start, count + 1));
    }

    private long entryId(final long block, final long ring, final int position)
    {
        final int offset = entryOffset(blockOffset(block), ringIndex(capacity(block), start(ring), position));
        return chunk(block).getLong(offset + ENTRY_ID_OFFSET);
    }

    /** Writer only: removes every entry by {@code author}, keeping the rest in order. */
    void removeAuthor(final UserTable table, final int user, final int author)
    {
        final long block = table.block(user);
        if (block < 0)
        {
            return;
        }
        final int blockCapacity = capacity(block);
        final UnsafeBuffer chunk = chunk(block);
        final int at = blockOffset(block);
        final long ring = table.ring(user);
        final int start = start(ring);
        final int count = count(ring);
        int kept = 0;
        for (int position = 0; position < count; position++)
        {
            final int from = entryOffset(at, ringIndex(blockCapacity, start, position));
            if (chunk.getInt(from + ENTRY_AUTHOR_OFFSET) != author)
            {
                if (kept != position)
                {
                    putEntry(
                        chunk,
                        entryOffset(at, ringIndex(blockCapacity, start, kept)),
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
        final int merged = mergeInto(table, user, ids, authors, tweets, length);
        long horizon = Math.max(table.horizon(user), notCollected);
        int first = Math.max(0, merged - capacity);
        if (first > 0)
        {
            horizon = Math.max(horizon, mergeIds[first - 1]);
        }
        while (first < merged && mergeIds[first] <= horizon)
        {
            first++;
        }
        long block = table.block(user);
        if (block < 0 || capacity(block) < merged - first)
        {
            final long moved = move(table, user, block, merged - first, false);
            final int room = block < 0 ? 0 : capacity(block);
            if (moved >= 0)
            {
                block = moved;
            }
            else if (merged - first > room)
            {
                first = merged - room;
                horizon = Math.max(horizon, mergeIds[first - 1]);
            }
        }
        table.horizon(user, horizon);
        if (block < 0)
        {
            return;
        }
        final UnsafeBuffer chunk = chunk(block);
        final int at = blockOffset(block);
        for (int i = first; i < merged; i++)
        {
            putEntry(chunk, entryOffset(at, i - first), mergeIds[i], mergeAuthors[i], mergeTweets[i]);
        }
        table.ring(user, ring(0, merged - first));
    }

    void writeTo(final SnapshotOutput out) throws IOException
    {
        for (final BlockPool pool : pools)
        {
            pool.writeTo(out);
        }
    }

    /** Writer only, on timelines with no block allocated. */
    void readFrom(final SnapshotInput in) throws IOException
    {
        for (final BlockPool pool : pools)
        {
            pool.readFrom(in);
        }
    }

    /** Entries {@code block} holds, or 0 if the value is not a block (a torn read). */
    int capacity(final long block)
    {
        final int pool = TimelineLayout.pool(block);
        return pool >= 0 && pool < pools.length ? pools[pool].capacity() : 0;
    }

    /** The chunk holding {@code block}, or null if it is not a block visible to this thread. */
    UnsafeBuffer chunk(final long block)
    {
        final int pool = TimelineLayout.pool(block);
        return pool >= 0 && pool < pools.length ? pools[pool].chunk(TimelineLayout.index(block)) : null;
    }

    int blockOffset(final long block)
    {
        return pools[TimelineLayout.pool(block)].offset(TimelineLayout.index(block));
    }

    /** The ring index of {@code position} in a ring of {@code blockCapacity} whose oldest entry is at {@code start}. */
    static int ringIndex(final int blockCapacity, final int start, final int position)
    {
        final int index = start + position;
        return index >= blockCapacity ? index - blockCapacity : index;
    }

    void free()
    {
        for (final BlockPool pool : pools)
        {
            pool.free();
        }
    }

    /** Moves to a larger block refused for lack of direct memory, so far. */
    long blocksRefused()
    {
        return blocksRefused;
    }

    long reservedBytes()
    {
        long bytes = 0;
        for (final BlockPool pool : pools)
        {
            bytes += pool.reservedBytes();
        }
        return bytes;
    }

    /** Merges the held entries and the new ones into the merge arrays, oldest first; returns how many. */
    private int mergeInto(
        final UserTable table, final int user, final long[] ids, final int[] authors, final int[] tweets,
        final int length)
    {
        final long block = table.block(user);
        final long ring = table.ring(user);
        final int count = block < 0 ? 0 : count(ring);
        final int start = start(ring);
        final UnsafeBuffer chunk = block < 0 ? null : chunk(block);
        final int at = block < 0 ? 0 : blockOffset(block);
        final int blockCapacity = capacity(block);
        int merged = 0;
        int held = 0;
        int added = length - 1;
        while (held < count || added >= 0)
        {
            final int from = held < count ? entryOffset(at, ringIndex(blockCapacity, start, held)) : 0;
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
        return merged;
    }

    /**
     * Moves {@code user}'s timeline into the smallest block holding {@code entries}, copying its
     * entries oldest first if {@code keepEntries}, and releases the old block; returns the new block,
     * or -1, leaving the timeline as it was, if there is no direct memory for it.
     */
    private long move(
        final UserTable table, final int user, final long from, final int entries, final boolean keepEntries)
    {
        int pool = 0;
        while (pools[pool].capacity() < entries && pool + 1 < pools.length)
        {
            pool++;
        }
        final long to;
        try
        {
            to = TimelineLayout.block(pool, pools[pool].allocate());
        }
        catch (final MemoryLimitException refused)
        {
            blocksRefused++;
            return -1;
        }
        if (from >= 0 && keepEntries)
        {
            final long ring = table.ring(user);
            final int start = start(ring);
            final int count = count(ring);
            final int fromCapacity = capacity(from);
            final UnsafeBuffer source = chunk(from);
            final int sourceAt = blockOffset(from);
            final UnsafeBuffer target = chunk(to);
            final int targetAt = blockOffset(to);
            for (int position = 0; position < count; position++)
            {
                target.putBytes(
                    entryOffset(targetAt, position),
                    source,
                    entryOffset(sourceAt, ringIndex(fromCapacity, start, position)),
                    TimelineLayout.ENTRY_LENGTH);
            }
            table.ring(user, ring(0, count));
        }
        if (from >= 0)
        {
            pools[TimelineLayout.pool(from)].release(TimelineLayout.index(from));
        }
        table.block(user, to);
        return to;
    }

    private static void putEntry(
        final UnsafeBuffer chunk, final int offset, final long id, final int author, final int tweet)
    {
        chunk.putLong(offset + ENTRY_ID_OFFSET, id);
        chunk.putInt(offset + ENTRY_AUTHOR_OFFSET, author);
        chunk.putInt(offset + ENTRY_TWEET_OFFSET, tweet);
    }
}
