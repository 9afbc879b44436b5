package dev.timeline.cli;

import dev.timeline.engine.DataDirectoryException;
import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The counters of the engine on a data directory as Prometheus metrics: every {@link Counter} under
 * its {@link Counter#metricName()}, times in seconds, and whether the engine is alive, when it started
 * and how long it has run. The counters file is opened afresh at each scrape, so an engine that
 * restarts, and so creates the file anew, is followed at once; while there is no complete file, only
 * {@value #ALIVE} is exported, as 0. Holds nothing between scrapes, so any thread may scrape.
 */
final class CountersCollector implements MultiCollector
{
    static final String ALIVE = "timeline_engine_alive";
    static final String START_TIME = "timeline_engine_start_time_seconds";
    static final String UPTIME = "timeline_engine_uptime_seconds";
    static final String DISK_FREE = "timeline_disk_free_bytes";
    static final String DISK_TOTAL = "timeline_disk_total_bytes";
    private static final String ALIVE_HELP = "whether the engine runs: 1 if it does, 0 if not";

    private final Path directory;

    CountersCollector(final Path directory)
    {
        this.directory = directory;
    }

    @Override
    public MetricSnapshots collect()
    {
        final CounterSample sample;
        try (CountersFile counters = CountersFile.open(directory))
        {
            sample = CounterSample.read(counters, directory);
        }
        catch (final DataDirectoryException ex)
        {
            return MetricSnapshots.of(gauge(ALIVE, ALIVE_HELP, 0));
        }
        final List<MetricSnapshot> metrics = new ArrayList<>();
        metrics.add(gauge(ALIVE, ALIVE_HELP, sample.alive() ? 1 : 0));
        metrics.add(gauge(START_TIME, "when the engine opened its data directory, in seconds since the epoch",
            seconds(sample.startMillis())));
        metrics.add(gauge(UPTIME, "how long the engine has run, in seconds: until now, or until its last heartbeat once it stopped",
            seconds(sample.uptimeMillis())));
        metrics.add(gauge(DISK_FREE, "bytes free for the engine on its data directory's filesystem, -1 if unknown",
            sample.diskFreeBytes()));
        metrics.add(gauge(DISK_TOTAL, "bytes in all on the data directory's filesystem, -1 if unknown",
            sample.diskTotalBytes()));
        for (final Counter counter : Counter.values())
        {
            metrics.add(metric(counter, sample.get(counter)));
        }
        return new MetricSnapshots(metrics);
    }

    private static MetricSnapshot metric(final Counter counter, final long value)
    {
        return switch (counter.kind())
        {
            case COUNT -> CounterSnapshot.builder()
                .name(counter.metricName())
                .help(counter.label())
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
                .build();
            case LEVEL, BYTES -> gauge(counter.metricName(), counter.label(), value);
            case TIME -> gauge(counter.metricName(), counter.label() + ", in seconds since the epoch, 0 if never",
                seconds(value));
        };
    }

    private static GaugeSnapshot gauge(final String name, final String help, final double value)
    {
        return GaugeSnapshot.builder()
            .name(name)
            .help(help)
            .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
            .build();
    }

    private static double seconds(final long millis)
    {
        return millis / 1e3;
    }
}
