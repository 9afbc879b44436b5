package dev.timeline.engine.state;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;

/**
 * Append-only off-heap store of tweet texts (UTF-8). A text never straddles two chunks.
 * Single writer appends; readers on any thread copy texts whose offsets were published to them.
 */
final class TextLog
{
    private static final int CHUNK_SHIFT = 26;
    private static final int CHUNK_BYTES = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_BYTES - 1;

    private final ChunkedMemory memory = new ChunkedMemory(CHUNK_BYTES);
    private long tail;

    /** Writer only: stores {@code length} bytes and returns the offset to read them back with. */
    long append(final DirectBuffer source, final int offset, final int length)
    {
        if ((tail & CHUNK_MASK) + length > CHUNK_BYTES)
        {
            tail = ((tail >>> CHUNK_SHIFT) + 1) << CHUNK_SHIFT;
        }
        final long position = tail;
        final UnsafeBuffer chunk = memory.ensureChunk((int)(position >>> CHUNK_SHIFT));
        chunk.putBytes((int)(position & CHUNK_MASK), source, offset, length);
        tail = position + length;
        return position;
    }

    /** Copies the text at {@code position} into {@code destination}. */
    void copy(final long position, final int length, final MutableDirectBuffer destination, final int destinationOffset)
    {
        final UnsafeBuffer chunk = memory.chunk((int)(position >>> CHUNK_SHIFT));
        destination.putBytes(destinationOffset, chunk, (int)(position & CHUNK_MASK), length);
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
