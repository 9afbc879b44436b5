package dev.timeline.bench.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every result file the plots recognise in one directory (not its subdirectories), read in name
 * order: JMH JSON ({@code *.json}), comparisons with the baselines ({@code *.json}) and HdrHistogram
 * logs ({@code *.hlog}). Other files are skipped with a note. Each JSON file is one run and makes
 * its own charts, named after the file; the logs share one chart of latency percentiles.
 */
final class Results
{
    private static final String JSON = ".json";
    private static final String HISTOGRAM_LOG = ".hlog";

    /** JMH results by the name of their file without {@code .json}. */
    final Map<String, List<JmhResult>> jmh = new LinkedHashMap<>();
    /** Comparisons with the baselines by the name of their file without {@code .json}. */
    final Map<String, List<BaselineRow>> baselines = new LinkedHashMap<>();
    final List<LatencyHistogram> latencies = new ArrayList<>();

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream notes;

    private Results(final PrintStream notes)
    {
        this.notes = notes;
    }

    /**
     * Reads the results in {@code directory}, printing a line to {@code notes} for each file skipped.
     *
     * @throws IOException if the directory cannot be listed.
     */
    static Results read(final Path directory, final PrintStream notes) throws IOException
    {
        final Results results = new Results(notes);
        final List<Path> files;
        try (Stream<Path> list = Files.list(directory))
        {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (final Path file : files)
        {
            results.add(file);
        }
        return results;
    }

    boolean isEmpty()
    {
        return jmh.isEmpty() && baselines.isEmpty() && latencies.isEmpty();
    }

    /** Every chart these results make. */
    List<Chart> charts()
    {
        final List<Chart> charts = new ArrayList<>();
        jmh.forEach((run, results) ->
        {
            charts.addAll(PartitionCharts.of(run, results));
            charts.addAll(LimitCharts.of(run, results));
        });
        charts.addAll(LatencyCharts.of(latencies));
        baselines.forEach((run, rows) -> charts.addAll(BaselineCharts.of(run, rows)));
        return charts;
    }

    private void add(final Path file)
    {
        final String name = file.getFileName().toString();
        try
        {
            if (name.endsWith(JSON))
            {
                addJson(file);
            }
            else if (name.endsWith(HISTOGRAM_LOG))
            {
                latencies.addAll(LatencyHistogram.read(file));
            }
            else
            {
                skip(file, "neither a .json nor an .hlog file");
            }
        }
        catch (final JsonProcessingException ex)
        {
            skip(file, "not valid JSON (" + ex.getOriginalMessage() + ")");
        }
        catch (final IOException | RuntimeException ex)
        {
            skip(file, ex.getMessage());
        }
    }

    private void addJson(final Path file) throws IOException
    {
        final JsonNode json = mapper.readTree(file.toFile());
        final String name = file.getFileName().toString();
        final String run = name.substring(0, name.length() - JSON.length());
        if (JmhResult.isJmh(json))
        {
            jmh.put(run, JmhResult.parse(json));
        }
        else if (BaselineRow.isBaseline(json))
        {
            baselines.put(run, BaselineRow.parse(json));
        }
        else
        {
            skip(file, "neither JMH results (-rf json) nor a comparison with the baselines");
        }
    }

    private void skip(final Path file, final String reason)
    {
        notes.println("skipped " + file + ": " + reason);
    }
}
