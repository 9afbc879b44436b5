package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code timeline shell --json} in a JVM with little direct memory: posts are answered one by one
 * until one is refused with a JSON error saying how to raise the limit, and reads go on; a restart
 * with too little memory for the tweets prints one line and exits 1; a restart with enough shows
 * every acknowledged post and not the refused one; and no JVM crash file is written anywhere.
 */
@Timeout(300)
class MemoryLimitShellTest
{
    private static final List<String> LIMIT = List.of("-XX:MaxDirectMemorySize=24m");

    @TempDir
    Path data;

    @TempDir
    Path scratch;

    @Test
    void aPostThatDoesNotFitGetsAJsonRefusalAndNothingRefusedIsKept() throws Exception
    {
        final long start = System.currentTimeMillis();
        final List<Long> acknowledged = new ArrayList<>();
        final Path stderr = scratch.resolve("stderr");
        try (ShellProcess shell = ShellProcess.start(data, LIMIT, stderr))
        {
            assertEquals("{\"ok\":true}", shell.send("follow 2 1").toString());
            JsonNode reply;
            while ((reply = shell.send("post 1 " + text(acknowledged.size()))).has("id"))
            {
                acknowledged.add(reply.get("id").asLong());
            }
            final String error = reply.get("error").asText();
            assertTrue(error.startsWith("out of direct memory") && error.contains("-XX:MaxDirectMemorySize"), error);
            assertTrue(acknowledged.size() > 1_000, "posted until the direct memory ran out");
            final JsonNode home = shell.send("home 2 1").get("tweets");
            assertEquals(acknowledged.get(acknowledged.size() - 1), home.get(0).get("id").asLong(), "reads go on");

            shell.stdin.close();
            assertEquals(0, shell.process.waitFor(), Files.readString(stderr));
        }

        final CliProcess tooLittle = CliProcess.run(data, List.of("-XX:MaxDirectMemorySize=6m"), "tweets 1 1");
        assertEquals(1, tooLittle.exitCode(), tooLittle.stderr());
        assertEquals(1, tooLittle.stderr().lines().count(), tooLittle.stderr());
        assertTrue(tooLittle.stderr().matches("timeline: .* needs about \\d+ MiB of direct memory to open, the limit " +
            "is 6 MiB; raise it with -XX:MaxDirectMemorySize=\\d+m .*\n"), tooLittle.stderr());

        final CliProcess sameLimit = CliProcess.run(data, LIMIT, "tweets 1 1");
        assertEquals(0, sameLimit.exitCode(), "timelines keep only what fits, so the tweets open again: " +
            sameLimit.stderr());

        assertEquals(acknowledged, everyTweetOf(1), "every acknowledged post, and not the refused one");
        assertEquals(List.of(), crashFiles(start), "no JVM crash file");
    }

    /** Every tweet of {@code author}, oldest first, read page by page by a shell with the default memory. */
    private List<Long> everyTweetOf(final long author) throws IOException, InterruptedException
    {
        final List<Long> ids = new ArrayList<>();
        try (ShellProcess shell = ShellProcess.start(data))
        {
            long before = Long.MAX_VALUE;
            for (JsonNode page = shell.send("tweets " + author + " 200 " + before).get("tweets");
                !page.isEmpty();
                page = shell.send("tweets " + author + " 200 " + before).get("tweets"))
            {
                for (final JsonNode tweet : page)
                {
                    ids.add(0, tweet.get("id").asLong());
                }
                before = page.get(page.size() - 1).get("id").asLong();
            }
        }
        return ids;
    }

    /** Crash files written since {@code since}: in this directory, the data directory or the temporary one. */
    private List<Path> crashFiles(final long since) throws IOException
    {
        final List<Path> found = new ArrayList<>();
        for (final Path place : List.of(Path.of("").toAbsolutePath(), data, Path.of(System.getProperty("java.io.tmpdir"))))
        {
            try (Stream<Path> files = Files.list(place))
            {
                for (final Path file : files.filter(file -> file.getFileName().toString().contains("hs_err_pid")).toList())
                {
                    if (Files.getLastModifiedTime(file).toMillis() >= since)
                    {
                        found.add(file);
                    }
                }
            }
        }
        return found;
    }

    private static String text(final int n)
    {
        return String.format("%06d ", n) + "x".repeat(262);
    }
}
