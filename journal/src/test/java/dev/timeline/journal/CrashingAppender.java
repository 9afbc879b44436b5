package dev.timeline.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link JournalCrashTest}: appends {@link DerivedEvents} to a journal as fast as it can, writing
 * the sequence number of each event to stdout, unbuffered, once its append has returned. Runs until killed.
 */
public final class CrashingAppender
{
    private CrashingAppender()
    {
    }

    /**
     * @param args the journal directory.
     * @throws IOException if stdout fails.
     */
    public static void main(final String[] args) throws IOException
    {
        final FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        final DerivedEvents events = new DerivedEvents();
        try (Journal journal = Journal.open(Path.of(args[0])))
        {
            for (long n = journal.eventCount(); ; n++)
            {
                events.append(journal, n);
                stdout.write((n + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
