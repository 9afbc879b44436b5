package dev.timeline.bench.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Which throughput a chart draws from JMH results: a benchmark method's primary score or one of its
 * secondary scores.
 *
 * @param benchmark the method, as {@code Class.method}.
 * @param metric    the secondary score's name, or {@code null} for the primary score.
 */
record Score(String benchmark, String metric)
{
    /** The throughput results of the benchmark that report this score, in the order given. */
    List<JmhResult> select(final List<JmhResult> results)
    {
        final List<JmhResult> selected = new ArrayList<>();
        for (final JmhResult result : results)
        {
            if (benchmark.equals(result.benchmark()) &&
                JmhResult.THROUGHPUT.equals(result.mode()) &&
                result.score(metric).isPresent())
            {
                selected.add(result);
            }
        }
        return selected;
    }

    /** This score of a result that {@link #select} chose. */
    double of(final JmhResult result)
    {
        return result.score(metric).orElseThrow();
    }

    /** The method's name without its class: {@code post}. */
    String method()
    {
        return benchmark.substring(benchmark.indexOf('.') + 1);
    }
}
