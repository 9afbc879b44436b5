package dev.timeline.journal;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import static org.agrona.BufferUtil.ARRAY_BASE_OFFSET;
import static org.agrona.BufferUtil.BYTE_BUFFER_ADDRESS_FIELD_OFFSET;

/**
 * CRC-32C of a range of an Agrona buffer, on or off heap, computed by the JDK's intrinsic without copying or
 * allocating.
 * <p>
 * An off-heap range is passed to {@link CRC32C#update(ByteBuffer)} through one direct {@link ByteBuffer} window whose
 * address is pointed at the range for the duration of the call. Not thread safe: one instance per thread.
 */
final class Crc32cChecksum
{
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer window;

    /**
     * @param maxLength longest range that will be checksummed.
     */
    Crc32cChecksum(final int maxLength)
    {
        window = ByteBuffer.allocateDirect(maxLength);
    }

    /**
     * CRC-32C of {@code length} bytes of {@code buffer} from {@code offset}.
     *
     * @param buffer holding the bytes.
     * @param offset of the first byte.
     * @param length number of bytes, at most the maximum given at construction.
     * @return the checksum.
     */
    int compute(final DirectBuffer buffer, final int offset, final int length)
    {
        crc.reset();
        final byte[] array = buffer.byteArray();
        if (null != array)
        {
            crc.update(array, (int)(buffer.addressOffset() - ARRAY_BASE_OFFSET) + offset, length);
        }
        else
        {
            UnsafeApi.putLong(window, BYTE_BUFFER_ADDRESS_FIELD_OFFSET, buffer.addressOffset() + offset);
            window.limit(length).position(0);
            crc.update(window);
        }

        return (int)crc.getValue();
    }
}
