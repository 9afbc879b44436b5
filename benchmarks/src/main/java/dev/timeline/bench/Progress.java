package dev.timeline.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress of a long run: lines on stderr, at most one every few seconds for the repetitive ones. */
final class Progress
{
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private long lastNanos = System.nanoTime();

    Progress(final PrintStream err)
    {
        this.err = err;
    }

    /** Prints a line now. */
    void line(final String format, final Object... args)
    {
        err.println(String.format(Locale.ROOT, format, args));
        err.flush();
        lastNanos = System.nanoTime();
    }

    /** Prints a line unless one was printed within the last few seconds. */
    void tick(final String format, final Object... args)
    {
        if (System.nanoTime() - lastNanos >= INTERVAL_NANOS)
        {
            line(format, args);
        }
    }
}
