package dev.timeline.cli;

import java.io.PrintWriter;

/**
 * Progress on stderr: one line redrawn in place on a terminal, or a new line every few seconds
 * when stderr is a file or a pipe, so logs stay readable.
 */
final class ProgressLine
{
    private static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    private static final long LOG_INTERVAL_NANOS = 2_000_000_000L;
    private static final String CLEAR_TO_END_OF_LINE = "\u001b[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastShownNanos;
    private boolean showing;

    ProgressLine(final PrintWriter err, final boolean terminal)
    {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
        this.lastShownNanos = System.nanoTime();
    }

    /** Whether enough time has passed since the last line for {@link #show} to print a new one. */
    boolean due()
    {
        return System.nanoTime() - lastShownNanos >= intervalNanos;
    }

    /** Shows {@code line} now. */
    void show(final String line)
    {
        lastShownNanos = System.nanoTime();
        if (terminal)
        {
            err.print('\r' + line + CLEAR_TO_END_OF_LINE);
            showing = true;
        }
        else
        {
            err.println(line);
        }
        err.flush();
    }

    /** Removes the redrawn line, if any, so what follows starts on a clean line. */
    void clear()
    {
        if (showing)
        {
            err.print('\r' + CLEAR_TO_END_OF_LINE);
            err.flush();
            showing = false;
        }
    }
}
