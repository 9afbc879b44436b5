package dev.timeline.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Chronicle-Queue-backed append-only journal of engine commands, one directory per journal.
 * <p>
 * Events are laid out as described by {@link EventHeaderDescriptor} and the per-type descriptors, checksummed and
 * numbered densely, in daily queue files ({@link LargeRollCycles#LARGE_DAILY}: up to 2<sup>37</sup> events a day).
 * An event goes to the file of its own time, or of the latest earlier event's or the journal's opening if that is
 * later, so files follow one another in time and an append reads no clock.
 * An index is Chronicle's: it grows with each event but is not dense across days. An acknowledged append survives
 * the process being killed; {@link #sync()} makes it survive power loss too.
 * <p>
 * Disk space is reserved ahead of need. Chronicle writes the queue files through memory mappings, and a write into a
 * page the file system cannot back would kill the JVM with SIGBUS, so nothing is written there that was not allocated
 * first: each file is kept allocated, by writing zeros, from the end of the last event to 4 MiB beyond it, renewed
 * whenever less than the most one append can write (an event and one of Chronicle's index arrays, about 265 KiB)
 * remains; the next day's file is made and allocated just before the first event that goes to it; Chronicle's
 * metadata file is allocated whole when a journal is created. On a full disk an append, or the opening of a new
 * journal, throws a {@link JournalFullException} before writing anything: the journal is unchanged, sequence numbers
 * stay dense, and the same call succeeds on the same open journal once space is freed, with no reopening.
 * <p>
 * Appends are single-writer (one thread). Replays and tailers may run on other threads, each used by one thread
 * at a time. Loading this class turns off Chronicle's usage analytics and start-up banner, and, unless the
 * application set them, its disk-space monitor thread ({@code chronicle.disk.monitor.disable}) and background
 * resource-releaser thread ({@code background.releaser}), so closing a journal releases its files at once and
 * leaves no threads behind. Chronicle's own msync of released mappings is off: durability against power loss comes
 * from {@link #sync()}, which forces the file itself.
 */
public final class Journal implements AutoCloseable
{
    /**
     * Version of the journal format this build writes, and the newest it reads.
     */
    public static final int FORMAT_VERSION = 1;

    /**
     * Roll cycle of the queue files: one file a day, up to 2<sup>37</sup> events a day.
     */
    public static final RollCycle ROLL_CYCLE = LargeRollCycles.LARGE_DAILY;

    /**
     * Size of the memory-mapped blocks of the queue files, fixed here rather than left to Chronicle's default
     * because the length of every queue file is a whole number of blocks (see {@link QueueFileSizes}).
     */
    public static final long BLOCK_SIZE = 16L * 1024 * 1024;

    private static final int REPLAY_BATCH = 1 << 16;

    static
    {
        System.setProperty("chronicle.analytics.disable", "true");
        setIfAbsent("chronicle.announcer.disable", "true");
        setIfAbsent("chronicle.disk.monitor.disable", "true");
        setIfAbsent("background.releaser", "false");
    }

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final JournalAppender appender;

    private Journal(final Path directory, final boolean readOnly, final TimeProvider clock)
    {
        this.directory = directory;
        final EventClock eventClock = readOnly ? null : new EventClock(clock.currentTimeMillis());
        queue = openQueue(directory, readOnly, readOnly ? clock : eventClock);
        try
        {
            QueueFileSizes.requireWholeBlocks(directory, queue.blockSize(), queue.overlapSize(), readOnly);
            appender = readOnly ? null : new JournalAppender(directory, queue, eventClock, eventCount());
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
    }

    /**
     * Open a journal for appending, creating the directory if absent.
     *
     * @param directory of the journal: absent, empty, or holding a journal.
     * @return the open journal.
     * @throws JournalException if the directory holds something else or a journal of a newer format.
     * @throws JournalFullException if a new journal does not fit on the disk; what was made of it is removed.
     */
    public static Journal open(final Path directory)
    {
        return open(directory, SystemTimeProvider.INSTANCE);
    }

    /**
     * Open a journal for appending with a clock that tells the time of opening, for tests: no event goes to a daily
     * file earlier than that time's.
     *
     * @param directory of the journal.
     * @param clock     telling the time of opening.
     * @return the open journal.
     */
    static Journal open(final Path directory, final TimeProvider clock)
    {
        JournalDirectory.createOrCheck(directory);
        return new Journal(directory, false, clock);
    }

    /**
     * Open an existing journal for reading only, writing nothing in its directory; safe while another process
     * appends to it.
     *
     * @param directory of the journal.
     * @return the open journal.
     * @throws JournalException if the directory is missing, not a journal, or of a newer format.
     */
    public static Journal openReadOnly(final Path directory)
    {
        JournalDirectory.check(directory);
        return new Journal(directory, true, SystemTimeProvider.INSTANCE);
    }

    /**
     * Append a follow. Allocation-free in steady state.
     *
     * @param time     in milliseconds since the epoch.
     * @param follower user who follows, 0 to 2<sup>63</sup>-1.
     * @param followee user followed, 0 to 2<sup>63</sup>-1.
     * @return index of the event.
     * @throws JournalFullException if the disk has no room for it; nothing was written.
     */
    public long appendFollow(final long time, final long follower, final long followee)
    {
        requireId("follower", follower);
        requireId("followee", followee);
        return appender().appendFollow(time, follower, followee);
    }

    /**
     * Append an unfollow. Allocation-free in steady state.
     *
     * @param time     in milliseconds since the epoch.
     * @param follower user who unfollows, 0 to 2<sup>63</sup>-1.
     * @param followee user unfollowed, 0 to 2<sup>63</sup>-1.
     * @return index of the event.
     * @throws JournalFullException if the disk has no room for it; nothing was written.
     */
    public long appendUnfollow(final long time, final long follower, final long followee)
    {
        requireId("follower", follower);
        requireId("followee", followee);
        return appender().appendUnfollow(time, follower, followee);
    }

    /**
     * Append a post. Allocation-free in steady state.
     *
     * @param time     in milliseconds since the epoch.
     * @param tweetId  of the tweet, 0 to 2<sup>63</sup>-1.
     * @param author   user who posted it, 0 to 2<sup>63</sup>-1.
     * @param utf8Text buffer holding the UTF-8 text.
     * @param offset   of the text in the buffer.
     * @param length   of the text, at most {@link PostEventDescriptor#MAX_TEXT_LENGTH} bytes.
     * @return index of the event.
     * @throws JournalFullException if the disk has no room for it; nothing was written.
     */
    public long appendPost(
        final long time,
        final long tweetId,
        final long author,
        final DirectBuffer utf8Text,
        final int offset,
        final int length)
    {
        requireId("tweet id", tweetId);
        requireId("author", author);
        if (length < 0 || length > PostEventDescriptor.MAX_TEXT_LENGTH)
        {
            throw new IllegalArgumentException("post text of " + length + " bytes: must be 0 to " +
                PostEventDescriptor.MAX_TEXT_LENGTH);
        }
        utf8Text.boundsCheck(offset, length);

        return appender().appendPost(time, tweetId, author, utf8Text, offset, length);
    }

    /**
     * Append a delete. Allocation-free in steady state.
     *
     * @param time    in milliseconds since the epoch.
     * @param tweetId of the deleted tweet, 0 to 2<sup>63</sup>-1.
     * @return index of the event.
     * @throws JournalFullException if the disk has no room for it; nothing was written.
     */
    public long appendDelete(final long time, final long tweetId)
    {
        requireId("tweet id", tweetId);
        return appender().appendDelete(time, tweetId);
    }

    /**
     * Force the events appended so far to storage, so they survive power loss.
     */
    public void sync()
    {
        final JournalAppender appender = appender();
        try
        {
            appender.sync();
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new JournalException("cannot force the journal in " + directory + " to storage: " + ex, ex);
        }
    }

    /**
     * Replay every event from the start to the current end. Allocation-free per event.
     *
     * @param handler to deliver the events to.
     * @return events delivered.
     * @throws JournalDamagedException if an event is damaged or missing; the events before it were delivered.
     */
    public long replay(final JournalHandler handler)
    {
        return replay(0, handler);
    }

    /**
     * Replay the events from {@code fromIndex}, inclusive, to the current end. Allocation-free per event.
     *
     * @param fromIndex first index to deliver: 0 for the start, an event's index, or the index a
     *                  {@link JournalTailer#index() tailer} reached.
     * @param handler   to deliver the events to.
     * @return events delivered.
     * @throws JournalDamagedException if an event is damaged or missing; the events before it were delivered.
     */
    public long replay(final long fromIndex, final JournalHandler handler)
    {
        final long endIndex = lastIndex();
        try (JournalReader reader = new JournalReader(queue, fromIndex))
        {
            long delivered = 0;
            int batch;
            while ((batch = reader.read(handler, REPLAY_BATCH)) > 0)
            {
                delivered += batch;
            }

            if (reader.lastReadIndex() < endIndex)
            {
                throw endedEarly(reader, endIndex);
            }

            return delivered;
        }
    }

    /**
     * A reader that follows the end of the journal as events are appended.
     *
     * @param fromIndex first index to deliver: 0 for the start, an event's index, or the index a
     *                  {@link JournalTailer#index() tailer} reached.
     * @return the tailer, to be closed by the caller.
     */
    public JournalTailer tailer(final long fromIndex)
    {
        return new JournalTailer(new JournalReader(queue, fromIndex));
    }

    /**
     * Number of events now in the journal.
     *
     * @return the count, 0 when empty.
     */
    public long eventCount()
    {
        final long lastIndex = lastIndex();
        if (lastIndex < 0)
        {
            return 0;
        }

        try (JournalReader reader = new JournalReader(queue, lastIndex))
        {
            return reader.readSequence() + 1;
        }
    }

    /**
     * @return index of the first event, or -1 when the journal is empty.
     */
    public long firstIndex()
    {
        return lastIndex() < 0 ? -1 : queue.firstIndex();
    }

    /**
     * @return index of the last event, or -1 when the journal is empty.
     */
    public long lastIndex()
    {
        try
        {
            return queue.lastIndex();
        }
        catch (final RuntimeException | AssertionError | InternalError ex)
        {
            throw new JournalException("cannot find the end of the journal in " + directory + ": " + ex, ex);
        }
    }

    /**
     * @return the directory of the journal.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Close the journal, unmapping and closing its files.
     */
    public void close()
    {
        CloseHelper.closeAll(appender, queue);
    }

    private JournalAppender appender()
    {
        if (null == appender)
        {
            throw new IllegalStateException("the journal in " + directory + " is open read-only");
        }

        return appender;
    }

    private JournalDamagedException endedEarly(final JournalReader reader, final long endIndex)
    {
        final File file = reader.currentFile();
        return new JournalDamagedException(
            null == file ? null : file.toPath(),
            reader.nextIndex(),
            JournalDamagedException.UNKNOWN_POSITION,
            reader.lastReadIndex(),
            "the events end here although the queue records events up to index 0x" + Long.toHexString(endIndex) +
                " (a queue file was truncated)",
            null);
    }

    private static SingleChronicleQueue openQueue(
        final Path directory, final boolean readOnly, final TimeProvider clock)
    {
        try
        {
            return SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(ROLL_CYCLE)
                .blockSize(BLOCK_SIZE)
                .readOnly(readOnly)
                .timeProvider(clock)
                .syncMode(SyncMode.NONE)
                .build();
        }
        catch (final RuntimeException | AssertionError | InternalError ex)
        {
            throw new JournalException("cannot open the journal queue in " + directory + ": " + ex, ex);
        }
    }

    private static void requireId(final String name, final long id)
    {
        if (id < 0)
        {
            throw new IllegalArgumentException(name + " must be 0 to 2^63-1, was " + id);
        }
    }

    private static void setIfAbsent(final String key, final String value)
    {
        if (null == System.getProperty(key))
        {
            System.setProperty(key, value);
        }
    }
}
