package dev.timeline.cli;

import dev.timeline.workload.FollowerDistribution;
import dev.timeline.workload.Workload;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that name a reproducible {@link Workload}: users, follows, follower distribution and seed. */
final class WorkloadOptions
{
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", defaultValue = "30000",
        description = "Users in the social graph (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--follows", paramLabel = "N", defaultValue = "" + Workload.DEFAULT_FOLLOWS_PER_USER,
        description = "Mean accounts each user follows, besides celebrities (default: ${DEFAULT-VALUE}).")
    private int follows;

    @Option(names = "--workload", paramLabel = "uniform|zipf|celebrity", defaultValue = "celebrity",
        description = "How followers spread over accounts (default: ${DEFAULT-VALUE}).")
    private FollowerDistribution distribution;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
        description = "Seed of the graph, the posts and the reads (default: ${DEFAULT-VALUE}).")
    private long seed;

    /**
     * The workload these options name.
     *
     * @throws ParameterException naming the option whose value is out of range.
     */
    Workload workload()
    {
        Usage.require(spec, users >= 2, "--users must be at least 2, was " + users);
        Usage.require(spec, follows >= 0, "--follows must be at least 0, was " + follows);
        return new Workload(distribution, users, follows, seed);
    }

    /** Such as {@code 30,000 users, celebrity workload, 20 follows per user, seed 1}. */
    static String description(final Workload workload)
    {
        return Format.count(workload.users()) + " users, " + workload.distribution().label() + " workload, " +
            workload.followsPerUser() + " follows per user, seed " + workload.seed();
    }
}
