package dev.timeline.cli;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** How numbers are shown to people: grouped counts, rates, durations, latencies and sizes. */
final class Format
{
    private Format()
    {
    }

    /** {@code 1234567} as {@code 1,234,567}. */
    static String count(final long count)
    {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code count} events over {@code nanos}, per second, grouped. */
    static String rate(final long count, final long nanos)
    {
        return count(perSecond(count, nanos));
    }

    /** {@code count} events over {@code nanos}, per second; 0 when no time passed. */
    static long perSecond(final long count, final long nanos)
    {
        return nanos <= 0 ? 0 : Math.round(count * 1e9 / nanos);
    }

    /** A duration in seconds with two decimals, such as {@code 1.25 s}. */
    static String seconds(final long nanos)
    {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** A span of time for people: {@code 850 ms}, {@code 12.3 s}, {@code 5 min 03 s} or {@code 2 h 05 min}. */
    static String duration(final long millis)
    {
        final long seconds = TimeUnit.MILLISECONDS.toSeconds(millis);
        if (millis < 1000)
        {
            return millis + " ms";
        }
        if (seconds < 60)
        {
            return String.format(Locale.ROOT, "%.1f s", millis / 1e3);
        }
        return seconds < 3600 ?
            String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60) :
            String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds / 60 % 60);
    }

    /** A latency in microseconds, with one decimal below 100 µs; in nanoseconds below a tenth of one, but 0. */
    static String micros(final long nanos)
    {
        if (nanos > 0 && nanos < 100)
        {
            return nanos + " ns";
        }
        final double micros = nanos / (double)TimeUnit.MICROSECONDS.toNanos(1);
        return micros < 100 ?
            String.format(Locale.ROOT, "%.1f µs", micros) :
            String.format(Locale.ROOT, "%,d µs", Math.round(micros));
    }

    /** A latency that may be long: as {@link #micros} below 10 ms, then in whole milliseconds. */
    static String latency(final long nanos)
    {
        return nanos < TimeUnit.MILLISECONDS.toNanos(10) ?
            micros(nanos) :
            String.format(Locale.ROOT, "%,d ms", TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /** A size in bytes as MiB, or KiB when small. */
    static String bytes(final long bytes)
    {
        return bytes < 1 << 20 ?
            String.format(Locale.ROOT, "%,d KiB", (bytes + 1023) >> 10) :
            String.format(Locale.ROOT, "%,.1f MiB", bytes / (double)(1 << 20));
    }
}
