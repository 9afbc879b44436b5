package dev.timeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The results of {@code timeline load --json}: one object on one line, with the settings, each kind
 * of request's count, rate and latency percentiles in nanoseconds, how the schedule was kept, and
 * whether the rate was held.
 */
final class LoadJson
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadJson()
    {
    }

    static void print(final PrintWriter out, final LoadSetup setup, final LoadResult result, final Path histogramLog)
    {
        final LoadPlan plan = result.plan();
        final Workload workload = setup.workload();
        final ObjectNode json = JSON.createObjectNode()
            .put("users", workload.users())
            .put("workload", workload.distribution().label())
            .put("followsPerUser", workload.followsPerUser())
            .put("seed", workload.seed())
            .put("prefillPosts", setup.prefillPosts())
            .put("strategy", setup.strategy())
            .put("partitions", null == setup.cluster() ? Integer.valueOf(setup.partitions()) : null)
            .put("cluster", null == setup.cluster() ? null : setup.cluster().toString())
            .put("targetPerSecond", plan.perSecond())
            .put("threads", plan.threads())
            .put("warmupSeconds", plan.warmupSeconds())
            .put("durationSeconds", plan.durationSeconds());
        json.putObject("mix").put("reads", plan.mix().reads()).put("posts", plan.mix().posts());
        json.put("elapsedSeconds", result.elapsedNanos() / 1e9)
            .put("achievedPerSecond", result.achievedPerSecond());
        latency(json.putObject("reads"), result.reads(), result.elapsedNanos());
        latency(json.putObject("posts"), result.posts(), result.elapsedNanos()).put("rejected", result.rejected());
        json.putObject("schedule")
            .put("due", result.scheduled())
            .put("unsent", result.unsent())
            .put("maxLagNanos", result.maxLagNanos())
            .put("lagAtEndNanos", result.lagAtEndNanos())
            .put("allowedLagNanos", plan.maxLagNanos());
        final SenderTime senders = result.senders();
        json.putObject("generator")
            .put("ownNanosPerRequest", senders.ownNanosPerRequest())
            .put("maxPerSecondPerThread", senders.maxPerThread())
            .put("ownPercent", senders.percentOfTime(senders.ownNanos()))
            .put("requestPercent", senders.percentOfTime(senders.requestNanos()))
            .put("keptUp", result.generatorKeptUp());
        json.put("rateHeld", result.held());
        if (result.held())
        {
            json.putNull("shortfall");
        }
        else
        {
            json.put("shortfall", result.shortfall());
        }
        json.put("histogramLog", histogramLog.toAbsolutePath().toString());
        try
        {
            out.println(JSON.writeValueAsString(json));
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
        out.flush();
    }

    private static ObjectNode latency(final ObjectNode node, final Histogram latency, final long nanos)
    {
        node.put("count", latency.getTotalCount()).put("perSecond", Format.perSecond(latency.getTotalCount(), nanos));
        final ObjectNode percentiles = node.putObject("latencyNanos");
        for (final double percentile : LoadResult.PERCENTILES)
        {
            percentiles.put(LoadResult.label(percentile), latency.getValueAtPercentile(percentile));
        }
        percentiles.put("max", latency.getMaxValue());
        return node;
    }
}
