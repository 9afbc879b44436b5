package dev.timeline.cli;

import dev.timeline.engine.Timelines;
import dev.timeline.workload.FollowGraph;
import dev.timeline.workload.GraphLoader;
import dev.timeline.workload.LoadProgress;
import dev.timeline.workload.PostLoader;
import dev.timeline.workload.Workload;

import java.io.PrintWriter;

/**
 * The steps that fill an engine or a cluster before a command puts it to work, each with progress on
 * stderr and a line saying what was done: the workload's social graph, then posts. Writes are kept in
 * flight {@code inFlight} at a time: half of what the engine or client admits, so none is turned away.
 */
final class SetupSteps
{
    private SetupSteps()
    {
    }

    /** Follows every edge of {@code workload}'s graph and prints the rate and the most followed account. */
    static void loadGraph(
        final Timelines timelines,
        final int inFlight,
        final Workload workload,
        final PrintWriter out,
        final ProgressLine progress)
    {
        final FollowGraph graph = workload.followGraph();
        final GraphLoader loader = new GraphLoader(
            timelines, inFlight, workload.userIds(), showing(progress, "building the social graph", "follows"));
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

    /** Posts {@code posts} tweets of {@code workload}'s operation stream {@code stream} and prints the rate. */
    static void post(
        final Timelines timelines,
        final int inFlight,
        final Workload workload,
        final int stream,
        final long posts,
        final PrintWriter out,
        final ProgressLine progress)
    {
        final long start = System.nanoTime();
        PostLoader.post(timelines, inFlight, workload, stream, posts, showing(progress, "posting", "posts"));
        final long nanos = System.nanoTime() - start;
        progress.clear();
        out.printf("  %s posts in %s (%s posts/s)%n", Format.count(posts), Format.seconds(nanos), Format.rate(posts, nanos));
        out.flush();
    }

    private static LoadProgress showing(final ProgressLine progress, final String step, final String unit)
    {
        return (count, elapsedNanos) ->
        {
            if (progress.due())
            {
                progress.show(step + ": " + Format.count(count) + " " + unit + " (" + Format.rate(count, elapsedNanos) + "/s)");
            }
        };
    }
}
