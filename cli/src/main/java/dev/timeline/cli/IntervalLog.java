package dev.timeline.cli;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.FileNotFoundException;
import java.nio.file.Path;

/**
 * The latencies of a load, second by second, in an HdrHistogram log: one interval histogram tagged
 * {@link #READ_TAG} and one tagged {@link #POST_TAG} per interval, values in nanoseconds, times in
 * seconds from the start of the measurement. {@code HistogramLogReader} and HdrHistogram's
 * {@code HistogramLogProcessor} read it.
 */
final class IntervalLog implements AutoCloseable
{
    static final String READ_TAG = "read";
    static final String POST_TAG = "post";

    /** Nanoseconds per millisecond: the log's max column is in milliseconds. */
    private static final double MAX_VALUE_UNIT_RATIO = 1e6;

    private final Path path;
    private final HistogramLogWriter writer;

    /**
     * Creates or replaces the log at {@code path}.
     *
     * @param comment a line saying what is measured.
     */
    IntervalLog(final Path path, final String comment) throws FileNotFoundException
    {
        this.path = path;
        writer = new HistogramLogWriter(path.toFile());
        writer.outputComment(comment);
        writer.outputComment("values in nanoseconds; tags " + READ_TAG + " (home reads) and " + POST_TAG + " (posts)");
    }

    /** Begins the intervals, which are timed from {@code startMillis}, in milliseconds since the epoch; once. */
    void start(final long startMillis)
    {
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputLegend();
    }

    Path path()
    {
        return path;
    }

    /** Writes the reads and posts of the interval from {@code startSeconds} to {@code endSeconds}. */
    void write(final double startSeconds, final double endSeconds, final Histogram reads, final Histogram posts)
    {
        reads.setTag(READ_TAG);
        posts.setTag(POST_TAG);
        writer.outputIntervalHistogram(startSeconds, endSeconds, reads, MAX_VALUE_UNIT_RATIO);
        writer.outputIntervalHistogram(startSeconds, endSeconds, posts, MAX_VALUE_UNIT_RATIO);
    }

    @Override
    public void close()
    {
        writer.close();
    }
}
