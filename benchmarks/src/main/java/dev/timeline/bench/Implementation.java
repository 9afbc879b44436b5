package dev.timeline.bench;

import dev.timeline.engine.Strategy;

import java.io.IOException;

/** The implementations compared by {@link BaselineComparison}, by the names used on its command line. */
enum Implementation
{
    ENGINE_PUSH("engine-push", "engine push"),
    ENGINE_HYBRID("engine-hybrid", "engine hybrid"),
    NAIVE("naive", "naive Java"),
    REDIS("redis", "Redis");

    private final String label;
    private final String title;

    Implementation(final String label, final String title)
    {
        this.label = label;
        this.title = title;
    }

    /** The name on the command line and in the JSON results. */
    String label()
    {
        return label;
    }

    /** The name in the printed tables. */
    String title()
    {
        return title;
    }

    boolean isEngine()
    {
        return this == ENGINE_PUSH || this == ENGINE_HYBRID;
    }

    /**
     * The implementation called {@code label}.
     *
     * @throws IllegalArgumentException listing the valid names when there is none.
     */
    static Implementation of(final String label)
    {
        for (final Implementation implementation : values())
        {
            if (implementation.label.equals(label))
            {
                return implementation;
            }
        }
        throw new IllegalArgumentException(
            "unknown implementation '" + label + "', expected engine-push, engine-hybrid, naive or redis");
    }

    /** A new instance of this implementation with {@code settings}' follow graph loaded. */
    Contender open(final ComparisonSettings settings) throws IOException, InterruptedException
    {
        return switch (this)
        {
            case ENGINE_PUSH -> new EngineContender(Strategy.PUSH, settings);
            case ENGINE_HYBRID -> new EngineContender(Strategy.HYBRID, settings);
            case NAIVE -> new NaiveContender(settings.workload(), settings.naiveThreads());
            case REDIS -> RedisContender.open(settings.workload(), settings.window());
        };
    }
}
