package dev.timeline.cluster;

import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.SnapshotFile;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The service's part of the cluster's snapshots: its client sessions and its partition state, the
 * latter as a {@link SnapshotFile}, streamed as messages into the publication Aeron records and read
 * back from the snapshot image when a member starts. The stream is a header (magic, version, the
 * lengths of both parts) and then the bytes of each part, in the largest messages the publication
 * takes, which Aeron fragments; the reader takes the fragments as one stream of bytes. The state file is written aside in the member's directory and deleted once sent or
 * loaded. Service thread only.
 */
final class SnapshotTransfer
{
    private static final int MAGIC = 0x4E534C54;
    private static final int VERSION = 2;
    private static final int HEADER_LENGTH = Integer.BYTES * 2 + Long.BYTES * 2;

    private final Path file;

    /** @param directory where the state file is written aside. */
    SnapshotTransfer(final Path directory)
    {
        file = directory.resolve("transfer" + SnapshotFile.SUFFIX);
    }

    /** Streams {@code sessions} and {@code state}, taken at {@code logPosition}, into {@code publication}. */
    void write(
        final ExclusivePublication publication, final IdleStrategy idle, final ClientSessions sessions,
        final PartitionState state, final long logPosition)
    {
        try
        {
            SnapshotFile.write(file, state, new SnapshotFile.Position(0, logPosition, 0), false);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
            {
                final int chunk = publication.maxMessageLength();
                final UnsafeBuffer message = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(chunk, HEADER_LENGTH)));
                final ExpandableArrayBuffer sessionBytes = new ExpandableArrayBuffer(sessions.encodedLength());
                sessions.writeTo(sessionBytes, 0);
                message.putInt(0, MAGIC);
                message.putInt(Integer.BYTES, VERSION);
                message.putLong(Integer.BYTES * 2, sessions.encodedLength());
                message.putLong(Integer.BYTES * 2 + Long.BYTES, channel.size());
                offer(publication, idle, message, HEADER_LENGTH);
                for (int at = 0; at < sessions.encodedLength(); at += chunk)
                {
                    final int length = Math.min(chunk, sessions.encodedLength() - at);
                    message.putBytes(0, sessionBytes, at, length);
                    offer(publication, idle, message, length);
                }
                final ByteBuffer bytes = message.byteBuffer();
                for (long at = 0; at < channel.size(); at += bytes.position())
                {
                    bytes.clear().limit((int)Math.min(chunk, channel.size() - at));
                    while (bytes.hasRemaining())
                    {
                        channel.read(bytes, at + bytes.position());
                    }
                    offer(publication, idle, message, bytes.position());
                }
            }
            finally
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the state into the snapshot: " + ex.getMessage(), ex);
        }
    }

    /** Reads what {@link #write} streamed from {@code image} into empty {@code sessions} and {@code state}. */
    void load(final Image image, final IdleStrategy idle, final ClientSessions sessions, final PartitionState state)
    {
        try (FileChannel channel = FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))
        {
            final Receiver receiver = new Receiver(channel);
            idle.reset();
            while (!receiver.complete())
            {
                if (image.poll(receiver, 16) == 0)
                {
                    if (image.isEndOfStream() || image.isClosed())
                    {
                        throw new IOException("the snapshot ended before the state did");
                    }
                    idle.idle();
                }
            }
            if (receiver.failure != null)
            {
                throw receiver.failure;
            }
            sessions.readFrom(receiver.sessionBytes, 0);
            if (SnapshotFile.load(file, state) == null)
            {
                throw new IOException("the snapshot was taken with other settings: strategy, capacity and celebrity " +
                    "threshold must be the same on every member");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot load the state from the snapshot: " + ex.getMessage(), ex);
        }
        finally
        {
            deleteQuietly();
        }
    }

    private void deleteQuietly()
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ignored)
        {
            // a leftover is overwritten by the next transfer
        }
    }

    private static void offer(
        final ExclusivePublication publication, final IdleStrategy idle, final DirectBuffer message, final int length)
        throws IOException
    {
        idle.reset();
        long result;
        while ((result = publication.offer(message, 0, length)) < 0)
        {
            if (result == Publication.CLOSED || result == Publication.NOT_CONNECTED ||
                result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IOException("the snapshot publication refused a message: " + Publication.errorString(result));
            }
            idle.idle();
        }
    }

    /** Takes the snapshot's messages apart: the header, the sessions' bytes, the state file's bytes. */
    private static final class Receiver implements FragmentHandler
    {
        private static final int WRITE_BYTES = 1 << 20;

        private final FileChannel channel;
        private final ByteBuffer pending = ByteBuffer.allocateDirect(WRITE_BYTES);
        private long written;
        private final ExpandableArrayBuffer sessionBytes = new ExpandableArrayBuffer();
        private long sessionLength = -1;
        private long stateLength = -1;
        private long received;
        private IOException failure;

        Receiver(final FileChannel channel)
        {
            this.channel = channel;
        }

        boolean complete()
        {
            return failure != null || sessionLength >= 0 && received == sessionLength + stateLength;
        }

        /** Writes what the fragments left in {@link #pending} to the file. */
        void flush() throws IOException
        {
            pending.flip();
            while (pending.hasRemaining())
            {
                written += channel.write(pending, written);
            }
            pending.clear();
        }

        @Override
        public void onFragment(final DirectBuffer buffer, final int offset, final int length,
            final io.aeron.logbuffer.Header header)
        {
            if (failure != null)
            {
                return;
            }
            if (sessionLength < 0)
            {
                if (length != HEADER_LENGTH || buffer.getInt(offset) != MAGIC || buffer.getInt(offset + Integer.BYTES) != VERSION)
                {
                    failure = new IOException("not a timeline snapshot of this version");
                    return;
                }
                sessionLength = buffer.getLong(offset + Integer.BYTES * 2);
                stateLength = buffer.getLong(offset + Integer.BYTES * 2 + Long.BYTES);
                return;
            }
            int from = offset;
            int left = length;
            if (received < sessionLength)
            {
                final int toSessions = (int)Math.min(left, sessionLength - received);
                sessionBytes.putBytes((int)received, buffer, from, toSessions);
                from += toSessions;
                left -= toSessions;
                received += toSessions;
            }
            try
            {
                while (left > 0)
                {
                    final int take = Math.min(left, pending.remaining());
                    buffer.getBytes(from, pending, pending.position(), take);
                    pending.position(pending.position() + take);
                    from += take;
                    left -= take;
                    received += take;
                    if (!pending.hasRemaining() || complete())
                    {
                        flush();
                    }
                }
            }
            catch (final IOException ex)
            {
                failure = ex;
            }
        }
    }
}
