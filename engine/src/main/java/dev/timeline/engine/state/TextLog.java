package dev.timeline.engine.state;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;

/**
 * Append-only off-heap store of tweet texts (UTF-8). A text never straddles two chunks, and once
 * written never moves nor changes until the log is freed, so a reader may hold a view of it as long.
 * Single writer appends; readers on any thread read texts whose offsets were published to them.
 */
final class TextLog
{
    private static final int CHUNK_SHIFT = 22;
    static final int CHUNK_BYTES = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_BYTES - 1;

    private final ChunkedMemory memory;
    private long tail;

    TextLog(final OffHeapBudget budget)
    {
        memory = new ChunkedMemory(CHUNK_BYTES, budget, false);
    }

    /**
     * Writer only: makes room for a text of {@code length} bytes, so that appending it allocates nothing.
     *
     * @throws dev.timeline.engine.MemoryLimitException if the room would pass the direct memory limit.
     */
    void reserve(final int length)
    {
        memory.ensureChunk((int)(positionFor(length) >>> CHUNK_SHIFT));
    }

    /** Writer only: stores {@code length} bytes and returns the offset to read them back with. */
    long append(final DirectBuffer source, final int offset, final int length)
    {
        final long position = positionFor(length);
        final UnsafeBuffer chunk = memory.ensureChunk((int)(position >>> CHUNK_SHIFT));
        chunk.putBytes((int)(position & CHUNK_MASK), source, offset, length);
        tail = position + length;
        return position;
    }

    /** Where the next text of {@code length} bytes goes: at the tail, or at the next chunk if it does not fit. */
    private long positionFor(final int length)
    {
        return (tail & CHUNK_MASK) + length > CHUNK_BYTES ? ((tail >>> CHUNK_SHIFT) + 1) << CHUNK_SHIFT : tail;
    }

    /** Copies the text at {@code position} into {@code destination}. */
    void copy(final long position, final int length, final MutableDirectBuffer destination, final int destinationOffset)
    {
        destination.putBytes(destinationOffset, buffer(position), offset(position), length);
    }

    /** The chunk holding the text at {@code position}; it never moves nor changes until the log is freed. */
    UnsafeBuffer buffer(final long position)
    {
        return memory.chunk((int)(position >>> CHUNK_SHIFT));
    }

    /** Where in {@link #buffer} the text at {@code position} starts. */
    static int offset(final long position)
    {
        return (int)(position & CHUNK_MASK);
    }

    void writeTo(final SnapshotOutput out) throws IOException
    {
        out.putLong(tail);
        memory.writeTo(out, tail);
    }

    /** Writer only, on an empty log. */
    void readFrom(final SnapshotInput in) throws IOException
    {
        tail = in.getLong();
        memory.readFrom(in, tail);
    }

    void free()
    {
        memory.free();
    }

    long reservedBytes()
    {
        return memory.reservedBytes();
    }
}
