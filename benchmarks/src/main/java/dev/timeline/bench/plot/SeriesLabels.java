package dev.timeline.bench.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names JMH results on a chart by what tells them apart: the strategy, then every other parameter
 * whose value differs between the results, as {@code name=value}.
 */
final class SeriesLabels
{
    private static final String STRATEGY = "strategy";

    private final Set<String> varying = new TreeSet<>();

    /**
     * @param results the results drawn together.
     * @param ignored a parameter that is an axis of the chart rather than part of a label, or {@code null}.
     */
    SeriesLabels(final List<JmhResult> results, final String ignored)
    {
        final Map<String, Set<String>> values = new HashMap<>();
        for (final JmhResult result : results)
        {
            result.params().forEach((name, value) -> values.computeIfAbsent(name, key -> new HashSet<>()).add(value));
        }
        values.forEach((name, seen) ->
        {
            if (seen.size() > 1 && !name.equals(ignored) && !name.equals(STRATEGY))
            {
                varying.add(name);
            }
        });
    }

    /** The label of {@code result}: empty if nothing sets it apart. */
    String label(final JmhResult result)
    {
        final List<String> parts = new ArrayList<>();
        final String strategy = result.params().get(STRATEGY);
        if (null != strategy)
        {
            parts.add(strategy);
        }
        for (final String name : varying)
        {
            parts.add(name + "=" + result.params().get(name));
        }
        return String.join(" ", parts);
    }
}
