package dev.timeline.cli;

import dev.timeline.workload.Workload;

/**
 * The engine a load ran against: its workload, the posts made before the load, the strategy and
 * how many partitions.
 */
record LoadSetup(Workload workload, long prefillPosts, String strategy, int partitions)
{
    /** Such as {@code 30,000 users, celebrity workload, 20 follows per user, seed 1, strategy hybrid, 1 partition}. */
    String description()
    {
        return WorkloadOptions.description(workload) + ", strategy " + strategy + ", " + partitions +
            (partitions == 1 ? " partition" : " partitions");
    }
}
