package dev.timeline.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine's distinct-error log: a text file in the data directory. Each distinct error (by stack
 * trace) is written when first seen and again at its 2nd, 4th, 8th... occurrence with the count, so
 * errors never reach the caller's stdout and a storm of one failure does not flood the disk.
 * A log without a file (for read-only engines, which write nothing) only counts.
 * Thread-safe.
 */
final class ErrorLog
{
    private final Path file;
    private final Map<String, Integer> seen = new HashMap<>();
    private long errors;

    /** @param file where to write, or null to only count. */
    ErrorLog(final Path file)
    {
        this.file = file;
    }

    synchronized long count()
    {
        return errors;
    }

    synchronized void record(final Throwable error)
    {
        errors++;
        final StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        final String key = trace.toString();
        final int repeats = seen.merge(key, 1, Integer::sum);
        if (file == null || (repeats > 1 && Integer.bitCount(repeats) != 1))
        {
            return;
        }
        final String entry = Instant.now() + " (occurrence " + repeats + ")\n" + key + "\n";
        try
        {
            Files.writeString(
                file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            error.addSuppressed(ex);
        }
    }
}
