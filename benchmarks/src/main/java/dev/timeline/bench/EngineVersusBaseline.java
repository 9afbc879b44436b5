package dev.timeline.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * An engine strategy's measurement beside a baseline's, whose ratios a comparison reports.
 *
 * @param engine   the engine's.
 * @param baseline the baseline's.
 */
record EngineVersusBaseline(Measurement engine, Measurement baseline)
{
    /** Every engine measurement of {@code measurements} beside every baseline measurement, in their order. */
    static List<EngineVersusBaseline> pairs(final List<Measurement> measurements)
    {
        final List<EngineVersusBaseline> pairs = new ArrayList<>();
        for (final Measurement engine : measurements)
        {
            for (final Measurement baseline : measurements)
            {
                if (engine.implementation().isEngine() && !baseline.implementation().isEngine())
                {
                    pairs.add(new EngineVersusBaseline(engine, baseline));
                }
            }
        }
        return pairs;
    }

    /** How many times better the engine is on {@code metric}; see {@link Metric#ratio}. */
    double ratio(final Metric metric)
    {
        return metric.ratio(engine, baseline);
    }
}
