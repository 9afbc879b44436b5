package dev.timeline.journal;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.PrecreatedFiles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.Wire;
import org.agrona.CloseHelper;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Keeps the bytes the next append will write to a queue file allocated on disk before the append starts. Chronicle
 * Queue writes them through a memory mapping, and a write into a page the file system cannot back raises SIGBUS and
 * kills the JVM; here a full file system is a {@link JournalFullException} instead, thrown before anything is written.
 * <p>
 * Chronicle grows a queue file by setting its length, which leaves the new blocks sparse. This class writes zeros,
 * which Chronicle reads as "not yet written", from the end of the last append to {@link #RESERVE_AHEAD} bytes beyond
 * it, and does so again only when less than {@link #APPEND_EXTENT}, the most one append writes, remains allocated
 * ahead: most appends just compare two positions. It grows a file a whole block at a time, as Chronicle does, but
 * before Chronicle needs to, so the length stays one {@link QueueFileSizes} accepts. The next daily file is made
 * before the roll as Chronicle's pre-created file, allocated the same way, which Chronicle renames into place as it
 * rolls. On the first append after opening an existing journal, where the end of the last append is known only
 * roughly, zeros go only over pages that read as all zeros, so nothing Chronicle wrote is ever overwritten.
 * <p>
 * Single-threaded, like the appender; no other process appends to the journal.
 */
final class CycleFileReserve implements AutoCloseable
{
    /**
     * Unit of the checks for pages that hold data.
     */
    static final int PAGE_SIZE = 4096;

    /**
     * Most bytes of an index array of the queue, with its header and padding. Chronicle writes one inline, just ahead
     * of an event, each time the index needs a new one, and two at the head of each new daily file.
     */
    static final long INDEX_ARRAY_EXTENT = Journal.ROLL_CYCLE.defaultIndexCount() * (long)Long.BYTES + PAGE_SIZE;

    /**
     * Most bytes of the head of a daily file: its header, the index of index arrays and the first index array. The
     * index arrays are left sparse by Chronicle and filled in as events are indexed.
     */
    static final long HEAD_EXTENT = 2 * INDEX_ARRAY_EXTENT;

    /**
     * Most bytes one append writes past the end of the one before: an index array, the event with its header and
     * padding, or the end-of-file marker of a roll.
     */
    static final long APPEND_EXTENT = INDEX_ARRAY_EXTENT + EventHeaderDescriptor.MAX_EVENT_LENGTH + PAGE_SIZE;

    /**
     * How far past the end of the last append a file is allocated, so a new allocation comes once per several
     * megabytes of events. Also holds the head of a new daily file and its first append.
     */
    static final long RESERVE_AHEAD = 4L * 1024 * 1024;

    private static final int NO_CYCLE = Integer.MIN_VALUE;
    private static final int ZEROS_LENGTH = 256 * 1024;
    private static final String NEXT_BLOCK = "the next journal block";
    private static final String NEW_FILE = "a new daily journal file";
    private static final String PRECREATED_SUFFIX = ".precreated"; // as Chronicle's PrecreatedFiles names them

    private final Path directory;
    private final long blockSize;
    private final long overlapSize;
    private final DateTimeFormatter fileNames =
        DateTimeFormatter.ofPattern(Journal.ROLL_CYCLE.format()).withZone(ZoneOffset.UTC);
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(ZEROS_LENGTH);
    private final ByteBuffer page = ByteBuffer.allocateDirect(PAGE_SIZE);
    private int cycle = NO_CYCLE;
    private Path file;
    private FileChannel channel;
    private long appendedEnd;
    private long reservedEnd;

    /**
     * @param directory   of the journal.
     * @param blockSize   the queue's mapping block size, by which its files grow.
     * @param overlapSize the queue's mapping overlap, which every file's length includes.
     */
    CycleFileReserve(final Path directory, final long blockSize, final long overlapSize)
    {
        this.directory = directory;
        this.blockSize = blockSize;
        this.overlapSize = overlapSize;
        removePrecreatedFiles();
    }

    /**
     * Allocate what the next append writes, unless it already is. Allocation-free in steady state: only the first
     * append after opening and the first of each day open files.
     *
     * @param nextCycle the cycle of the daily file the append goes to.
     * @param appender  that makes the append.
     * @throws JournalFullException if the file system has no room for it; nothing was written to the journal.
     */
    void reserveForAppend(final int nextCycle, final ExcerptAppender appender)
    {
        if (nextCycle != cycle)
        {
            moveTo(nextCycle, appender);
        }

        if (appendedEnd + APPEND_EXTENT > reservedEnd)
        {
            extend();
        }
    }

    /**
     * Record where the append just made ends.
     *
     * @param position in the current file just past the append.
     */
    void appended(final long position)
    {
        appendedEnd = position;
    }

    /**
     * Close the channel to the current file.
     */
    public void close()
    {
        CloseHelper.quietClose(channel);
        channel = null;
    }

    private void moveTo(final int nextCycle, final ExcerptAppender appender)
    {
        final Wire wire = appender.wire();
        if (NO_CYCLE == cycle && null != wire)
        {
            attach(appender.cycle(), appender.currentFile().toPath(), wire.bytes().writePosition());
        }

        if (nextCycle != cycle)
        {
            final Path nextFile = cycleFile(nextCycle);
            if (!Files.exists(nextFile))
            {
                precreate(nextCycle, nextFile);
            }
            // else an earlier day's file, which ends with an end-of-file marker: Chronicle writes nothing to it
        }
    }

    /**
     * Take over the file an appender opened on an existing journal, where Chronicle's write position is the start
     * of the last record written rather than its end. The file's head is allocated too, in case a version that did
     * not reserve space left its index arrays sparse.
     */
    private void attach(final int fileCycle, final Path fileToAttach, final long lastRecordPosition)
    {
        final long from = lastRecordPosition & -PAGE_SIZE;
        final long to = from + RESERVE_AHEAD;
        final long headEnd = Math.min(HEAD_EXTENT, from);
        close();
        try
        {
            channel = FileChannel.open(fileToAttach, StandardOpenOption.READ, StandardOpenOption.WRITE);
            growToWholeBlocks(channel, to);
            writeZerosOverEmptyPages(0, headEnd);
            writeZerosOverEmptyPages(from, to);
        }
        catch (final IOException ex)
        {
            close();
            throw DiskSpace.writeFailed(directory, NEXT_BLOCK, headEnd + to - from, ex);
        }

        cycle = fileCycle;
        file = fileToAttach;
        appendedEnd = lastRecordPosition;
        reservedEnd = to;
    }

    /**
     * Make the file of a cycle that has none yet as Chronicle's pre-created file, for Chronicle to rename into place.
     */
    private void precreate(final int nextCycle, final Path nextFile)
    {
        final Path precreated = PrecreatedFiles.preCreatedFile(nextFile.toFile()).toPath();
        try (FileChannel precreatedChannel = FileChannel.open(
            precreated, StandardOpenOption.CREATE, StandardOpenOption.WRITE))
        {
            growToWholeBlocks(precreatedChannel, RESERVE_AHEAD);
            DiskSpace.writeZeros(precreatedChannel, zeros, 0, RESERVE_AHEAD);
        }
        catch (final IOException ex)
        {
            throw DiskSpace.removeAfterFailure(
                precreated, DiskSpace.writeFailed(directory, NEW_FILE, RESERVE_AHEAD, ex));
        }

        close();
        cycle = nextCycle;
        file = nextFile;
        appendedEnd = 0;
        reservedEnd = RESERVE_AHEAD;
    }

    /**
     * Remove the pre-created files an appender left when it stopped between making one and rolling to it: each
     * holds {@link #RESERVE_AHEAD} of disk, and one for a day gone by would never be used.
     */
    private void removePrecreatedFiles()
    {
        try (DirectoryStream<Path> precreated = Files.newDirectoryStream(directory, "*" + PRECREATED_SUFFIX))
        {
            for (final Path file : precreated)
            {
                Files.delete(file);
            }
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot remove the pre-created files in " + directory + ": " + ex, ex);
        }
    }

    private void extend()
    {
        final long to = (appendedEnd + RESERVE_AHEAD + PAGE_SIZE - 1) & -PAGE_SIZE;
        try
        {
            if (null == channel)
            {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            growToWholeBlocks(channel, to);
            DiskSpace.writeZeros(channel, zeros, reservedEnd, to);
        }
        catch (final IOException ex)
        {
            throw DiskSpace.writeFailed(directory, NEXT_BLOCK, to - reservedEnd, ex);
        }

        reservedEnd = to;
    }

    private void writeZerosOverEmptyPages(final long from, final long to) throws IOException
    {
        for (long position = from; position < to; position += PAGE_SIZE)
        {
            page.clear();
            while (page.hasRemaining() && channel.read(page, position + page.position()) >= 0)
            {
                // read the whole page
            }

            if (isAllZeros(page))
            {
                DiskSpace.writeZeros(channel, zeros, position, position + PAGE_SIZE);
            }
        }
    }

    private static boolean isAllZeros(final ByteBuffer page)
    {
        for (int i = 0, length = page.position(); i < length; i += Long.BYTES)
        {
            if (0 != page.getLong(i))
            {
                return false;
            }
        }

        return true;
    }

    /**
     * Grow a file to the length Chronicle gives it when it maps the block holding the byte before {@code end}, that
     * block's end plus the overlap, leaving the new space sparse, so Chronicle finds the file long enough and does
     * not grow it itself. Never shrinks it.
     */
    private void growToWholeBlocks(final FileChannel fileChannel, final long end) throws IOException
    {
        final long length = ((end - 1) / blockSize + 1) * blockSize + overlapSize;
        if (fileChannel.size() < length)
        {
            zeros.clear().limit(1);
            fileChannel.write(zeros, length - 1);
        }
    }

    private Path cycleFile(final int fileCycle)
    {
        final long start = fileCycle * (long)Journal.ROLL_CYCLE.lengthInMillis();
        return directory.resolve(fileNames.format(Instant.ofEpochMilli(start)) + SingleChronicleQueue.SUFFIX);
    }
}
