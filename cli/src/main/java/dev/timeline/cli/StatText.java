package dev.timeline.cli;

import dev.timeline.engine.status.Counter;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code timeline stat} for people: who wrote the counters and whether it still runs, then a line per
 * counter with its per-second rate once there is a reading before. Times are shown as ages, the
 * journal index in hex as {@code timeline dump} shows indexes ({@code none} before the first event).
 */
final class StatText implements StatPrinter
{
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private final PrintWriter out;
    private final Path directory;
    private final String watching;
    private final boolean redraw;
    private final int labelWidth;

    /**
     * @param watching what to say about the refreshes, such as {@code every 1 s}, or null for one reading.
     * @param redraw   whether to clear the screen before each reading rather than print one after another.
     */
    StatText(final PrintWriter out, final Path directory, final String watching, final boolean redraw)
    {
        this.out = out;
        this.directory = directory;
        this.watching = watching;
        this.redraw = redraw;
        int width = 0;
        for (final Counter counter : Counter.values())
        {
            width = Math.max(width, counter.label().length());
        }
        this.labelWidth = width;
    }

    @Override
    public void print(final CounterSample sample, final CounterSample previous)
    {
        if (redraw)
        {
            out.print(CLEAR_SCREEN);
        }
        else if (previous != null)
        {
            out.println();
        }
        if (watching != null)
        {
            out.println(Instant.ofEpochMilli(sample.takenMillis()) + "  refreshing " + watching +
                " until the engine stops or Ctrl-C");
        }
        out.println("engine on " + directory.toAbsolutePath() + ": " + state(sample));
        for (final Counter counter : Counter.values())
        {
            out.printf("  %-" + labelWidth + "s %16s%s%n", counter.label(), value(sample, counter),
                null == previous || counter.kind() != Counter.Kind.COUNT ? "" :
                String.format(Locale.ROOT, " %12s/s", Format.count(Math.round(sample.perSecond(counter, previous)))));
        }
        out.printf("  %-" + labelWidth + "s %16s of %s%n", "free space on the data directory's disk",
            Format.bytes(sample.diskFreeBytes()), Format.bytes(sample.diskTotalBytes()));
        out.flush();
    }

    private static String state(final CounterSample sample)
    {
        final String started = Instant.ofEpochMilli(sample.startMillis()).toString();
        return sample.alive() ?
            "running as pid " + sample.pid() + ", up " + Format.duration(sample.uptimeMillis()) + " (since " + started + ")" :
            "not running: last values written by pid " + sample.pid() + ", which ran " +
            Format.duration(sample.uptimeMillis()) + " from " + started;
    }

    private static String value(final CounterSample sample, final Counter counter)
    {
        if (counter.kind() == Counter.Kind.TIME)
        {
            final long age = sample.ageMillis(counter);
            return age < 0 ? "never" : Format.duration(age) + " ago";
        }
        final long value = sample.get(counter);
        if (counter.kind() == Counter.Kind.BYTES)
        {
            return Format.bytes(value);
        }
        if (counter == Counter.JOURNAL_INDEX)
        {
            return value < 0 ? "none" : String.format("%#x", value);
        }
        return Format.count(value);
    }
}
