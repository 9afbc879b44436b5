package dev.timeline.bench;

import dev.timeline.bench.baseline.BaselineTimelines;
import dev.timeline.workload.Workload;

/**
 * A baseline in the comparison: loads the follow graph into it, reads its home timelines and
 * counts its deliveries; how it posts is up to each.
 *
 * @param <T> the baseline.
 */
abstract class BaselineContender<T extends BaselineTimelines> implements Contender
{
    private final T timelines;

    BaselineContender(final T timelines)
    {
        this.timelines = timelines;
    }

    T timelines()
    {
        return timelines;
    }

    /** Follows every edge of {@code workload}'s follow graph. */
    final void load(final Workload workload)
    {
        workload.followGraph().forEachFollow(timelines::follow);
    }

    @Override
    public long deliveries()
    {
        return timelines.deliveries();
    }

    @Override
    public int home(final long user, final int limit)
    {
        return timelines.home(user, limit).size();
    }
}
