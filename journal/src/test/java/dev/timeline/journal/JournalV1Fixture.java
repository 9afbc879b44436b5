package dev.timeline.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The journal written by format version 1 that is kept under {@code src/test/resources/journal-v1/}, zipped because
 * its queue files are sparse and mostly zeros. Run {@link #main(String[])} to write it again; it must only ever be
 * rewritten by a build of format version 1.
 */
public final class JournalV1Fixture
{
    static final String RESOURCE = "/journal-v1/journal.zip";
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    private static final String TEXT = "Hello, timeline! \uD83D\uDC4B caf\u00e9\ttabs  and  spaces";
    private static final String LONGEST_TEXT = "\uD83D\uDE80".repeat(280);

    private JournalV1Fixture()
    {
    }

    /**
     * @param args the zip file to write, normally {@code journal/src/test/resources/journal-v1/journal.zip}.
     * @throws IOException if it cannot be written.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path journalDir = Files.createTempDirectory("journal-v1");
        write(journalDir);
        zip(journalDir, Path.of(args[0]));
        IoUtil.delete(journalDir.toFile(), false);
    }

    /**
     * The events of the fixture, as {@link RecordingHandler} records them, in order.
     *
     * @return one line per event.
     */
    static List<String> events()
    {
        final long day0 = dayStartMillis(0);
        final long day1 = dayStartMillis(1);
        final List<String> events = new ArrayList<>();
        events.add(RecordingHandler.follow(day0 + 1, 1, 2));
        events.add(RecordingHandler.follow(day0 + 2, 2, 1));
        events.add(RecordingHandler.post(day0 + 3, 1_000, 1, TEXT));
        events.add(RecordingHandler.post(day0 + 4, 1_001, Long.MAX_VALUE, LONGEST_TEXT));
        events.add(RecordingHandler.post(day0 + 5, 1_002, 0, ""));
        events.add(RecordingHandler.unfollow(day0 + 6, 2, 1));
        events.add(RecordingHandler.delete(day1 + 1, 1_000));
        events.add(RecordingHandler.follow(day1 + 2, Long.MAX_VALUE, 0));
        events.add(RecordingHandler.post(day1 + 3, Long.MAX_VALUE, 2, "second day"));

        return events;
    }

    static long dayStartMillis(final int day)
    {
        return TimeUnit.DAYS.toMillis(FIRST_DAY.toEpochDay() + day);
    }

    /**
     * Unzip the fixture into a directory.
     *
     * @param target directory to create the journal in.
     * @throws IOException if it cannot be read or written.
     */
    static void unzipTo(final Path target) throws IOException
    {
        Files.createDirectories(target);
        try (InputStream resource = JournalV1Fixture.class.getResourceAsStream(RESOURCE);
            ZipInputStream zip = new ZipInputStream(resource))
        {
            ZipEntry entry;
            while (null != (entry = zip.getNextEntry()))
            {
                Files.copy(zip, target.resolve(entry.getName()));
            }
        }
    }

    private static void write(final Path journalDir)
    {
        final SetTimeProvider clock = new SetTimeProvider(TimeUnit.MILLISECONDS.toNanos(dayStartMillis(0)));
        try (Journal journal = Journal.open(journalDir, clock))
        {
            for (final String event : events())
            {
                final String[] fields = event.split(" ", 5);
                final long time = Long.parseLong(fields[1]);
                clock.currentTimeMillis(time);
                append(journal, fields, time);
            }
        }
    }

    private static void append(final Journal journal, final String[] fields, final long time)
    {
        final long first = Long.parseLong(fields[2]);
        switch (fields[0])
        {
            case "FOLLOW":
                journal.appendFollow(time, first, Long.parseLong(fields[3]));
                break;
            case "UNFOLLOW":
                journal.appendUnfollow(time, first, Long.parseLong(fields[3]));
                break;
            case "POST":
                appendPost(journal, time, first, Long.parseLong(fields[3]), fields[4]);
                break;
            default:
                journal.appendDelete(time, first);
                break;
        }
    }

    private static void appendPost(
        final Journal journal, final long time, final long tweetId, final long author, final String text)
    {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        journal.appendPost(time, tweetId, author, new UnsafeBuffer(utf8), 0, utf8.length);
    }

    private static void zip(final Path journalDir, final Path zipFile) throws IOException
    {
        Files.createDirectories(zipFile.getParent());
        try (Stream<Path> listing = Files.list(journalDir);
            OutputStream out = Files.newOutputStream(zipFile);
            ZipOutputStream zip = new ZipOutputStream(out))
        {
            for (final Path file : listing.sorted().collect(Collectors.toList()))
            {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
