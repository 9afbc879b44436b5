package dev.timeline.bench.plot;

import java.util.List;

/**
 * What one PNG shows, before it is drawn: the figures read from the results, so they can be checked
 * without looking at pixels.
 *
 * @param name   the file name without {@code .png}.
 * @param kind   how the series are drawn.
 * @param title  the heading above the plot.
 * @param xTitle the x axis title.
 * @param yTitle the y axis title.
 * @param logY   whether the y axis is logarithmic.
 * @param series the data, in legend order.
 */
record Chart(
    String name, Kind kind, String title, String xTitle, String yTitle, boolean logY, List<Series> series)
{
    /** Values further apart than this factor are drawn on a logarithmic axis. */
    static final double LOG_AXIS_SPREAD = 100;

    /** How a chart draws its series. */
    enum Kind
    {
        /** Lines with markers over categories (the x values are their labels), evenly spaced. */
        LINES,
        /** Lines over {@code 1 / (1 - percentile)} on a logarithmic x axis labelled in percent. */
        PERCENTILES,
        /** Grouped bars over categories (the x values are their labels). */
        BARS
    }

    /**
     * One line or group of bars.
     *
     * @param name the legend label.
     * @param x    the x values: category labels, or numbers for {@link Kind#PERCENTILES}.
     * @param y    the y values, one per x value; {@code null} where a category has no value.
     */
    record Series(String name, List<?> x, List<Double> y)
    {
    }

    /** Whether the values of {@code series} are all positive and span more than {@link #LOG_AXIS_SPREAD}. */
    static boolean spansOrdersOfMagnitude(final List<Series> series)
    {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (final Series one : series)
        {
            for (final Double value : one.y())
            {
                if (null == value)
                {
                    continue;
                }
                if (value <= 0)
                {
                    return false;
                }
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return max > min * LOG_AXIS_SPREAD;
    }
}
