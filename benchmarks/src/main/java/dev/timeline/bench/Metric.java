package dev.timeline.bench;

import org.HdrHistogram.Histogram;

import java.util.function.ToDoubleFunction;

/**
 * The figures a comparison with the baselines reports for each implementation, with the names and
 * units of its JSON results. Latencies are in microseconds.
 */
enum Metric
{
    POSTS_IN_FLIGHT("posts_in_flight", "posts", "in flight", Direction.NONE, Measurement::inFlight),
    DELIVERIES_PER_POST("deliveries_per_post", "deliveries/post", "deliveries/post", Direction.NONE,
        measurement -> measurement.deliveries() / (double)measurement.posts()),
    POST_THROUGHPUT("post_throughput", "posts/s", "posts/s", Direction.HIGHER,
        measurement -> perSecond(measurement.posts(), measurement.postNanos())),
    DELIVERY_THROUGHPUT("delivery_throughput", "deliveries/s", "deliveries/s", Direction.HIGHER,
        measurement -> perSecond(measurement.deliveries(), measurement.postNanos())),
    POSTS_PER_PROCESSOR_SECOND("posts_per_processor_second", "posts/processor s", "posts/cpu s", Direction.HIGHER,
        measurement -> perSecond(measurement.posts(), measurement.postProcessorNanos())),
    POST_LATENCY_P50("post_latency_p50", "us", "post p50 µs", Direction.LOWER, postLatency(50)),
    POST_LATENCY_P99("post_latency_p99", "us", "p99 µs", Direction.LOWER, postLatency(99)),
    POST_LATENCY_P999("post_latency_p999", "us", "p99.9 µs", Direction.LOWER, postLatency(99.9)),
    READ_THROUGHPUT("read_throughput", "reads/s", "reads/s", Direction.HIGHER,
        measurement -> perSecond(measurement.reads(), measurement.readNanos())),
    READ_LATENCY_P50("read_latency_p50", "us", "read p50 µs", Direction.LOWER, readLatency(50)),
    READ_LATENCY_P99("read_latency_p99", "us", "p99 µs", Direction.LOWER, readLatency(99)),
    READ_LATENCY_P999("read_latency_p999", "us", "p99.9 µs", Direction.LOWER, readLatency(99.9));

    /** Which way is better, for the ratio of the engine to a baseline. */
    enum Direction
    {
        /** Not compared. */
        NONE,
        /** More is better: the ratio is engine / baseline. */
        HIGHER,
        /** Less is better: the ratio is baseline / engine. */
        LOWER
    }

    private final String key;
    private final String unit;
    private final String column;
    private final Direction direction;
    private final ToDoubleFunction<Measurement> value;

    Metric(
        final String key, final String unit, final String column, final Direction direction,
        final ToDoubleFunction<Measurement> value)
    {
        this.key = key;
        this.unit = unit;
        this.column = column;
        this.direction = direction;
        this.value = value;
    }

    /** The metric's name in the JSON results. */
    String key()
    {
        return key;
    }

    String unit()
    {
        return unit;
    }

    /** The metric's column heading in the printed tables. */
    String column()
    {
        return column;
    }

    boolean isCompared()
    {
        return direction != Direction.NONE;
    }

    double of(final Measurement measurement)
    {
        return value.applyAsDouble(measurement);
    }

    /**
     * How many times better {@code engine} is than {@code baseline} on this metric: above 1 the
     * engine is better (more throughput, less latency); NaN if the metric is not compared.
     */
    double ratio(final Measurement engine, final Measurement baseline)
    {
        return switch (direction)
        {
            case HIGHER -> of(engine) / of(baseline);
            case LOWER -> of(baseline) / of(engine);
            case NONE -> Double.NaN;
        };
    }

    private static double perSecond(final long count, final long nanos)
    {
        return count * 1e9 / nanos;
    }

    private static ToDoubleFunction<Measurement> postLatency(final double percentile)
    {
        return measurement -> micros(measurement.postLatency(), percentile);
    }

    private static ToDoubleFunction<Measurement> readLatency(final double percentile)
    {
        return measurement -> micros(measurement.readLatency(), percentile);
    }

    private static double micros(final Histogram latency, final double percentile)
    {
        return latency.getValueAtPercentile(percentile) / 1e3;
    }
}
