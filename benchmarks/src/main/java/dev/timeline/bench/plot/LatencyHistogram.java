package dev.timeline.bench.plot;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latencies of one tag of an HdrHistogram log ({@code HistogramLogWriter}'s format, as
 * {@code timeline load --histogram-log} writes it): every interval histogram with that tag added up.
 *
 * @param file      the log's file name.
 * @param tag       the tag of its interval histograms, or {@code null} for untagged ones.
 * @param histogram the latencies, in nanoseconds.
 */
record LatencyHistogram(String file, String tag, Histogram histogram)
{
    /** Digits of precision of the sums; the intervals keep their own. */
    private static final int SIGNIFICANT_DIGITS = 3;

    /**
     * Reads the log at {@code path}: one histogram per tag, in the order the tags first appear.
     *
     * @throws IllegalArgumentException if it holds no interval histogram, or one of doubles.
     */
    static List<LatencyHistogram> read(final Path path) throws FileNotFoundException
    {
        final Map<String, Histogram> byTag = new LinkedHashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(path.toFile());
        try
        {
            EncodableHistogram interval;
            while (null != (interval = reader.nextIntervalHistogram()))
            {
                if (!(interval instanceof AbstractHistogram))
                {
                    throw new IllegalArgumentException("holds histograms of doubles, not of nanoseconds");
                }
                byTag.computeIfAbsent(interval.getTag(), tag -> new Histogram(SIGNIFICANT_DIGITS))
                    .add((AbstractHistogram)interval);
            }
        }
        finally
        {
            reader.close();
        }
        if (byTag.isEmpty())
        {
            throw new IllegalArgumentException("holds no interval histogram");
        }
        final List<LatencyHistogram> histograms = new ArrayList<>();
        final String file = path.getFileName().toString();
        byTag.forEach((tag, histogram) -> histograms.add(new LatencyHistogram(file, tag, histogram)));
        return histograms;
    }
}
