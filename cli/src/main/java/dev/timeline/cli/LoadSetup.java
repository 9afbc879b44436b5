package dev.timeline.cli;

import dev.timeline.cluster.Members;
import dev.timeline.workload.Workload;

/**
 * What a load ran against and how it was filled: the workload and the posts made before the load;
 * for an engine of its own, the strategy and how many partitions (the cluster null), for a cluster,
 * its members (the strategy null, the partitions 0); for a dry run, none of them.
 */
record LoadSetup(Workload workload, long prefillPosts, String strategy, int partitions, Members cluster)
{
    /** A load against an engine of the command's own. */
    static LoadSetup engine(final Workload workload, final long prefillPosts, final String strategy, final int partitions)
    {
        return new LoadSetup(workload, prefillPosts, strategy, partitions, null);
    }

    /** A load against the cluster of {@code members}, through a client. */
    static LoadSetup cluster(final Workload workload, final long prefillPosts, final Members members)
    {
        return new LoadSetup(workload, prefillPosts, null, 0, members);
    }

    /** A load of {@code workload} sent to no engine. */
    static LoadSetup dryRun(final Workload workload)
    {
        return new LoadSetup(workload, 0, null, 0, null);
    }

    /** Whether the load went to no engine at all. */
    boolean dryRun()
    {
        return null == strategy && null == cluster;
    }

    /**
     * Such as {@code 30,000 users, celebrity workload, 20 follows per user, seed 1, strategy hybrid, 1 partition},
     * or for a cluster {@code ..., seed 1, the cluster of 3 members localhost:20000,...}.
     */
    String description()
    {
        if (dryRun())
        {
            return WorkloadOptions.description(workload) + ", no engine (a dry run)";
        }
        return WorkloadOptions.description(workload) + (null == cluster ?
            ", strategy " + strategy + ", " + partitions + (partitions == 1 ? " partition" : " partitions") :
            ", the cluster of " + cluster.count() + " members " + cluster);
    }
}
