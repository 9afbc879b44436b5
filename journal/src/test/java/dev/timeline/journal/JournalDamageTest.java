package dev.timeline.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged journals give an error naming the file and the position, and never deliver wrong data.
 */
class JournalDamageTest
{
    private static final int EVENTS = 1000;
    private static final int DAMAGED = 500;

    @TempDir
    Path dir;

    private final List<String> written = new ArrayList<>();
    private final List<Long> indexes = new ArrayList<>();

    @Test
    void aChangedByteIsReportedAfterDeliveringEveryEventBeforeIt() throws IOException
    {
        final Path file = writePosts();
        final long eventStart = find(file, text(DAMAGED)) - PostEventDescriptor.TEXT_OFFSET;
        flipByte(file, eventStart + PostEventDescriptor.TEXT_OFFSET + 3);

        final JournalDamagedException ex = replayExpectingDamage(written.subList(0, DAMAGED));
        assertEquals(file, ex.file());
        assertEquals(eventStart, ex.position());
        assertEquals(indexes.get(DAMAGED), ex.index());
        assertEquals(indexes.get(DAMAGED - 1), ex.lastIntactIndex());
        assertTrue(ex.getMessage().startsWith("journal damaged in " + file + " at index 0x" +
            Long.toHexString(ex.index()) + ", byte offset " + eventStart + ": checksum mismatch"), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("; reading stopped after the last intact event, index 0x" +
            Long.toHexString(ex.lastIntactIndex())), ex.getMessage());
    }

    @Test
    void aTailerReportsDamageAgainRatherThanSkippingIt() throws IOException
    {
        final Path file = writePosts();
        flipByte(file, find(file, text(DAMAGED)));

        try (Journal journal = Journal.openReadOnly(dir); JournalTailer tailer = journal.tailer(0))
        {
            final RecordingHandler handler = new RecordingHandler();
            assertThrows(JournalDamagedException.class, () -> tailer.poll(handler, Integer.MAX_VALUE));
            assertThrows(JournalDamagedException.class, () -> tailer.poll(handler, Integer.MAX_VALUE));
            assertEquals(written.subList(0, DAMAGED), handler.events);
        }
    }

    @Test
    void aChangedChronicleLengthNeverDeliversWrongData() throws IOException
    {
        final Path file = writePosts();
        final long documentHeader = find(file, text(DAMAGED)) - PostEventDescriptor.TEXT_OFFSET - Integer.BYTES;
        flipByte(file, documentHeader);

        final JournalDamagedException ex = replayExpectingDamage(written.subList(0, DAMAGED));
        assertEquals(file, ex.file());
    }

    @Test
    void aZeroedDocumentHeaderLooksLikeAnEarlyEndAndIsReported() throws IOException
    {
        final Path file = writePosts();
        final long documentHeader = find(file, text(DAMAGED)) - PostEventDescriptor.TEXT_OFFSET - Integer.BYTES;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(documentHeader);
            raf.writeInt(0);
        }

        final JournalDamagedException ex = replayExpectingDamage(written.subList(0, DAMAGED));
        assertTrue(ex.getMessage().contains("the events end here although the queue records events up to index 0x" +
            Long.toHexString(indexes.get(EVENTS - 1))), ex.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedWithItsLength() throws IOException
    {
        final Path file = writePosts();
        final long cut = find(file, text(DAMAGED));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(cut);
        }

        for (final boolean readOnly : new boolean[]{ true, false })
        {
            final JournalDamagedException ex = assertThrows(JournalDamagedException.class,
                () -> (readOnly ? Journal.openReadOnly(dir) : Journal.open(dir)).close());
            assertEquals(file, ex.file());
            assertEquals(cut, ex.position());
            assertTrue(ex.getMessage().startsWith("journal damaged in " + file + ", byte offset " + cut + ": the file is " +
                cut + " bytes long"), ex.getMessage());
        }
    }

    @Test
    void aMissingDailyFileIsReportedAsMissingEvents() throws IOException
    {
        final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
        try (Journal journal = Journal.open(dir, clock))
        {
            for (int day = 0; day < 3; day++)
            {
                for (int i = 0; i < 5; i++)
                {
                    journal.appendDelete(clock.currentTimeMillis(), i);
                }
                clock.currentTimeMillis(clock.currentTimeMillis() + TimeUnit.DAYS.toMillis(1));
            }
        }
        final List<Path> files = queueFiles();
        Files.delete(files.get(1));

        final long firstDay = TimeUnit.DAYS.toMillis(20_000);
        final JournalDamagedException ex = replayExpectingDamage(List.of(
            RecordingHandler.delete(firstDay, 0), RecordingHandler.delete(firstDay, 1),
            RecordingHandler.delete(firstDay, 2), RecordingHandler.delete(firstDay, 3),
            RecordingHandler.delete(firstDay, 4)));
        assertEquals(files.get(2), ex.file());
        assertTrue(ex.getMessage().contains(
            "event has sequence number 10 where 5 was expected: 5 events are missing"), ex.getMessage());
    }

    @Test
    void anUnknownEventTypeIsReportedNotSkipped() throws IOException
    {
        try (Journal journal = Journal.open(dir))
        {
            journal.appendFollow(1, 1, 2);
        }
        appendRawEventOfType(99, 1);

        final JournalDamagedException ex = replayExpectingDamage(List.of(RecordingHandler.follow(1, 1, 2)));
        assertTrue(ex.getMessage().contains("unknown event type 99: this build reads types 1 to 4"),
            ex.getMessage());
    }

    @Test
    void randomlyChangedBytesNeverDeliverWrongData() throws IOException
    {
        final Path file = writePosts();
        final long first = find(file, text(0)) - PostEventDescriptor.TEXT_OFFSET - Integer.BYTES;
        final long end = find(file, text(EVENTS - 1)) + text(EVENTS - 1).length();
        final byte[] pristine = Files.readAllBytes(file);
        final Random random = new Random(42);

        for (int trial = 0; trial < 20; trial++)
        {
            final long position = first + (long)(random.nextDouble() * (end - first));
            flipByte(file, position);
            try (Journal journal = Journal.openReadOnly(dir))
            {
                final RecordingHandler handler = new RecordingHandler();
                try
                {
                    journal.replay(handler);
                    assertEquals(written, handler.events, "byte " + position);
                }
                catch (final JournalException ex)
                {
                    assertEquals(written.subList(0, handler.events.size()), handler.events, "byte " + position);
                }
            }
            Files.write(file, pristine);
        }
    }

    private JournalDamagedException replayExpectingDamage(final List<String> intactEvents)
    {
        try (Journal journal = Journal.openReadOnly(dir))
        {
            final RecordingHandler handler = new RecordingHandler();
            final JournalDamagedException ex =
                assertThrows(JournalDamagedException.class, () -> journal.replay(handler));
            assertEquals(intactEvents, handler.events);
            return ex;
        }
    }

    private Path writePosts() throws IOException
    {
        try (Journal journal = Journal.open(dir))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final byte[] bytes = text(i).getBytes(StandardCharsets.UTF_8);
                indexes.add(journal.appendPost(i, i, 7, new UnsafeBuffer(bytes), 0, bytes.length));
                written.add(RecordingHandler.post(i, i, 7, text(i)));
            }
        }

        return queueFiles().get(0);
    }

    private void appendRawEventOfType(final int type, final long sequence)
    {
        final UnsafeBuffer event = new UnsafeBuffer(new byte[DeleteEventDescriptor.LENGTH]);
        new EventEncoder().wrap(event, 0).encodeDelete(sequence, 2, 3);
        event.putByte(EventHeaderDescriptor.TYPE_OFFSET, (byte)type);
        final CRC32C crc = new CRC32C();
        crc.update(event.byteArray(), EventHeaderDescriptor.CHECKSUMMED_OFFSET,
            event.capacity() - EventHeaderDescriptor.CHECKSUMMED_OFFSET);
        event.putInt(EventHeaderDescriptor.CHECKSUM_OFFSET, (int)crc.getValue(), EventHeaderDescriptor.BYTE_ORDER);

        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(Journal.ROLL_CYCLE)
            .blockSize(Journal.BLOCK_SIZE)
            .build();
            ExcerptAppender appender = queue.createAppender();
            DocumentContext context = appender.writingDocument())
        {
            context.wire().bytes().write(event.byteArray());
        }
    }

    private List<Path> queueFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter((path) -> path.toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
    }

    private static String text(final int i)
    {
        return String.format("post number %06d", i);
    }

    private static long find(final Path file, final String text) throws IOException
    {
        final byte[] haystack = Files.readAllBytes(file);
        final byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++)
        {
            int matched = 0;
            while (matched < needle.length && haystack[i + matched] == needle[matched])
            {
                matched++;
            }
            if (matched == needle.length)
            {
                return i;
            }
        }

        throw new IllegalStateException(text + " not found in " + file);
    }

    private static void flipByte(final Path file, final long position) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(position);
            final int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x5A);
        }
    }
}
