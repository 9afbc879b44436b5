package dev.timeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code baselines} end to end on a small workload: every figure of every implementation, and the ratios. */
class BaselinesCommandTest
{
    @TempDir
    Path directory;

    @Test
    void reportsEveryFigureWithTheProcessorTimeOfPosting() throws IOException
    {
        final Path json = directory.resolve("baselines.json");

        final int status = BaselinesCommand.commandLine().execute(
            "--users", "2000", "--posts", "2000", "--reads", "100", "--only", "engine-push,naive",
            "--partitions", "2", "--json", json.toString());

        assertEquals(0, status);
        final JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, results.get("partitions").asInt());
        final Map<String, Double> values = new HashMap<>();
        for (final JsonNode row : results.get("results"))
        {
            values.put(row.get("implementation").asText() + " " + row.get("metric").asText(),
                row.get("value").asDouble());
        }
        for (final String implementation : new String[] {"engine-push", "naive"})
        {
            for (final Metric metric : Metric.values())
            {
                final String figure = implementation + " " + metric.key();
                assertTrue(values.containsKey(figure), figure);
            }
            final double perProcessorSecond = values.get(implementation + " posts_per_processor_second");
            assertTrue(perProcessorSecond > 0 && Double.isFinite(perProcessorSecond),
                implementation + " posts per processor second: " + perProcessorSecond);
        }
        assertEquals(
            values.get("engine-push posts_per_processor_second") / values.get("naive posts_per_processor_second"),
            values.get("engine-push/naive posts_per_processor_second_ratio"), 1e-9);
    }

    @Test
    void refusesABadOptionInOneLine()
    {
        final StringWriter err = new StringWriter();
        final int status = BaselinesCommand.commandLine().setErr(new PrintWriter(err)).execute("--posts", "0");

        assertEquals(2, status);
        assertEquals("baselines: --posts must be at least 1, was 0 (see --help)", err.toString().strip());
    }
}
