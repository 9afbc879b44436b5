package dev.timeline.cli;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code timeline stat --serve}: the counters of an engine in this process scraped over HTTP as
 * Prometheus does. The engine publishes its counters about every millisecond, so a test scrapes
 * until they show what it did; the timeouts bound the wait.
 */
class StatServeTest
{
    private static final Pattern SERVING =
        Pattern.compile("timeline stat: serving (\\S+) counters at (http://127\\.0\\.0\\.1:(\\d+)/metrics)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    @Timeout(120)
    void servesEveryCounterWithItsTypeAndTheLiveValues() throws Exception
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data));
            Served served = new Served(data))
        {
            engine.follow(1, 2);
            for (int i = 0; i < 3; i++)
            {
                engine.post(2, "scraped " + i);
            }
            final Scrape first = served.scrapeUntil(scrape ->
                scrape.value(Counter.POSTS) == 3 && scrape.value(Counter.HEARTBEAT) != 0);
            for (final Counter counter : Counter.values())
            {
                assertEquals(counter.kind() == Counter.Kind.COUNT ? "counter" : "gauge",
                    first.types.get(counter.metricName()), counter + " has its # TYPE line:\n" + first.text);
                assertTrue(first.text.contains("# HELP " + counter.metricName() + " " + counter.label()), first.text);
                assertTrue(first.values.containsKey(counter.metricName()), counter + ":\n" + first.text);
            }
            assertEquals("timeline_posts_total", Counter.POSTS.metricName());
            assertEquals(1, first.value(Counter.FOLLOWS));
            assertEquals(2, first.value(Counter.USERS));
            assertEquals(1, first.values.get(CountersCollector.ALIVE));
            assertEquals("gauge", first.types.get(CountersCollector.ALIVE));
            assertEquals("gauge", first.types.get(CountersCollector.UPTIME));
            final double start = first.values.get(CountersCollector.START_TIME);
            try (CountersFile counters = CountersFile.open(data))
            {
                assertEquals(counters.startTime().toEpochMilli() / 1e3, start);
            }
            final double heartbeat = first.value(Counter.HEARTBEAT);
            assertTrue(start <= heartbeat && heartbeat <= System.currentTimeMillis() / 1e3,
                "times are in seconds since the epoch: " + first.text);

            engine.post(2, "scraped again");
            engine.post(2, "and again");
            // The writer may publish its counters between the two posts: wait for both.
            final Scrape second = served.scrapeUntil(scrape -> scrape.value(Counter.POSTS) == 5);
            assertEquals(1, second.value(Counter.FOLLOWS));
        }
    }

    @Test
    @Timeout(120)
    void followsAnEngineThatRestartsOnTheDirectory() throws Exception
    {
        final double firstStart;
        try (Served served = new Served(openPostAndClose(3)))
        {
            final Scrape stopped = served.scrape();
            assertEquals(0, stopped.values.get(CountersCollector.ALIVE), "the engine has closed");
            assertEquals(3, stopped.value(Counter.POSTS), "the values it last wrote are kept");
            firstStart = stopped.values.get(CountersCollector.START_TIME);

            try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data)))
            {
                engine.post(2, "after the restart");
                final Scrape restarted = served.scrapeUntil(scrape ->
                    scrape.values.get(CountersCollector.ALIVE) == 1 && scrape.value(Counter.LIVE_TWEETS) == 4);
                try (CountersFile counters = CountersFile.open(data))
                {
                    assertEquals(counters.startTime().toEpochMilli() / 1e3,
                        restarted.values.get(CountersCollector.START_TIME), "the new engine's counters file is read");
                }
                assertNotEquals(firstStart, restarted.values.get(CountersCollector.START_TIME));
            }
        }
    }

    @Test
    @Timeout(60)
    void aPortInUseIsAFailureWithOneLine() throws Exception
    {
        openPostAndClose(1);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final String port = String.valueOf(taken.getLocalPort());
            final CliRun run = CliRun.run("stat", data.toString(), "--serve", port);
            assertEquals(1, run.exitCode());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("timeline: cannot serve on 127.0.0.1:" + port + ": "), run.err());
        }
    }

    @Test
    @Timeout(60)
    void anAddressNotOfThisHostIsAFailureWithOneLine()
    {
        openPostAndClose(1);
        final CliRun run = CliRun.run("stat", data.toString(), "--serve", "0", "--bind", "192.0.2.1");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("timeline: cannot serve on 192.0.2.1:0: "), run.err());
    }

    @Test
    @Timeout(60)
    void aDirectoryWithoutACountersFileIsAFailureWithOneLine()
    {
        final CliRun run = CliRun.run("stat", data.toString(), "--serve", "0");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("timeline: no counters file in " + data + ": no engine has run there"), run.errLines());
    }

    private Path openPostAndClose(final int posts)
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data)))
        {
            for (int i = 0; i < posts; i++)
            {
                engine.post(2, "before the scrape " + i);
            }
        }
        return data;
    }

    /** {@code timeline stat DIR --serve 0} on a thread of its own, which is stopped by interrupting it. */
    private static final class Served implements AutoCloseable
    {
        private final StringWriter err = new StringWriter();
        private final AtomicInteger exitCode = new AtomicInteger(-1);
        private final Thread thread;
        private final URI metrics;

        Served(final Path data)
        {
            thread = new Thread(() -> exitCode.set(CliRun.commandLine("", new StringWriter(), err)
                .execute("stat", data.toString(), "--serve", "0")), "stat --serve");
            thread.start();
            while (!err.toString().endsWith("\n"))
            {
                Thread.onSpinWait();
            }
            final Matcher serving = SERVING.matcher(err.toString().strip());
            assertTrue(serving.matches(), err.toString());
            assertEquals(data.toString(), serving.group(1));
            assertNotEquals(0, Integer.parseInt(serving.group(3)), "the port taken is shown");
            metrics = URI.create(serving.group(2));
        }

        Scrape scrape() throws Exception
        {
            final HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return new Scrape(response.body());
        }

        Scrape scrapeUntil(final Predicate<Scrape> shown) throws Exception
        {
            Scrape scrape = scrape();
            while (!shown.test(scrape))
            {
                Thread.onSpinWait();
                scrape = scrape();
            }
            return scrape;
        }

        @Override
        public void close() throws InterruptedException
        {
            thread.interrupt();
            thread.join();
            assertEquals(0, exitCode.get(), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
        }
    }

    /** One scrape in the Prometheus text format: the type of each metric and the value of each sample. */
    private static final class Scrape
    {
        final String text;
        final Map<String, String> types = new HashMap<>();
        final Map<String, Double> values = new HashMap<>();

        Scrape(final String text)
        {
            this.text = text;
            for (final String line : text.lines().toList())
            {
                final String[] words = line.split(" ");
                if (line.startsWith("# TYPE "))
                {
                    types.put(words[2], words[3]);
                }
                else if (!line.startsWith("#"))
                {
                    values.put(words[0], Double.parseDouble(words[1]));
                }
            }
        }

        double value(final Counter counter)
        {
            return values.get(counter.metricName());
        }
    }
}
