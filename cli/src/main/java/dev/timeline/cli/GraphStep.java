package dev.timeline.cli;

import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.FollowGraph;
import dev.timeline.workload.GraphLoader;
import dev.timeline.workload.Workload;

import java.io.PrintWriter;

/** Loads a workload's social graph into an engine with progress on stderr, then says what was built. */
final class GraphStep
{
    private GraphStep()
    {
    }

    /** Follows every edge of {@code workload}'s graph in {@code engine} and prints the rate and the most followed account. */
    static void load(
        final TimelineEngine engine, final Workload workload, final PrintWriter out, final ProgressLine progress)
    {
        final FollowGraph graph = workload.followGraph();
        final GraphLoader loader = new GraphLoader(engine, workload.userIds(), (follows, elapsedNanos) ->
        {
            if (progress.due())
            {
                progress.show("building the social graph: " + Format.count(follows) + " follows (" +
                    Format.rate(follows, elapsedNanos) + "/s)");
            }
        });
        final long start = System.nanoTime();
        final long edges = loader.load(graph);
        final long nanos = System.nanoTime() - start;
        progress.clear();
        out.printf("  %s follows among %s users in %s (%s follows/s)%n",
            Format.count(edges), Format.count(workload.users()), Format.seconds(nanos), Format.rate(edges, nanos));
        final int top = workload.userIds().indexOf(graph.userAtRank(0));
        out.printf("  most followed: user %d with %s followers%s%n", graph.userAtRank(0),
            Format.count(loader.followers(top)), workload.celebrities() == 0 ? "" :
            "; " + workload.celebrities() + " celebrity accounts followed by about half of all users");
        out.flush();
    }
}
