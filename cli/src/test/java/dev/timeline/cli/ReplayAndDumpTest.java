package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code replay} and {@code dump} on a data directory whose history is known. */
class ReplayAndDumpTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Posted by a shell that is then killed, so that only the journal holds it, not a snapshot. */
    private static final String CRASH_TEXT = "POSTED-JUST-BEFORE-A-CRASH";

    @TempDir
    Path data;

    private long deletedId;

    @BeforeEach
    void writeAKnownHistory() throws Exception
    {
        final CliRun posts = CliRun.runWithInput(String.join("\n",
            "follow 1 2",
            "follow 3 2",
            "post 2 first \"quoted\"\ttabbed",
            "post 2 second",
            "unfollow 3 2",
            "post 1 to delete") + "\n", "shell", "--json", "--data", data.toString());
        assertEquals(0, posts.exitCode(), posts.err());
        deletedId = JSON.readTree(posts.outLines().get(5)).get("id").asLong();

        final CliRun delete = CliRun.runWithInput("delete " + deletedId + "\n",
            "shell", "--json", "--data", data.toString());
        assertEquals("{\"ok\":true}", delete.out().strip(), delete.err());
    }

    @Test
    void replayCountsEventsByTypeAndTheResultingState() throws Exception
    {
        final CliRun run = CliRun.run("replay", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode summary = JSON.readTree(run.out());
        assertEquals(data.toAbsolutePath().toString(), summary.get("directory").asText());
        final long events = summary.get("events").asLong();
        assertEquals(summary.get("follows").asLong() + summary.get("unfollows").asLong() +
            summary.get("posts").asLong() + summary.get("deletes").asLong(), events);
        assertEquals(7, summary.get("snapshotEvents").asLong() + events, "every event is in the snapshot or replayed");
        final JsonNode state = summary.get("state");
        assertEquals(3, state.get("users").asLong());
        assertEquals(1, state.get("follows").asLong());
        assertEquals(2, state.get("tweets").asLong());
        assertEquals(1, state.get("deletedTweets").asLong());

        final CliRun text = CliRun.run("replay", data.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("recovered " + data.toAbsolutePath()), text.out());
        assertTrue(text.out().matches("(?s).*tweets +2 +\\(1 deleted\\).*"), text.out());
    }

    @Test
    void replayJournalOnlyIgnoresTheSnapshotAndReplaysEveryEvent() throws Exception
    {
        final JsonNode fromSnapshot = JSON.readTree(CliRun.run("replay", data.toString(), "--json").out());
        assertEquals(7, fromSnapshot.get("snapshotEvents").asLong(), "closing the shell wrote a snapshot");

        final CliRun run = CliRun.run("replay", data.toString(), "--journal-only", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode summary = JSON.readTree(run.out());
        assertEquals(0, summary.get("snapshotEvents").asLong());
        assertEquals(7, summary.get("events").asLong());
        assertEquals(2, summary.get("follows").asLong());
        assertEquals(1, summary.get("unfollows").asLong());
        assertEquals(3, summary.get("posts").asLong());
        assertEquals(1, summary.get("deletes").asLong());
        assertEquals(fromSnapshot.get("state"), summary.get("state"), "the journal alone gives the same state");
    }

    @Test
    void replayJournalOnlyFindsDamageThatASnapshotCovers() throws Exception
    {
        damage(data.resolve("partition-0").resolve("journal"), "first \"quoted\"");

        final CliRun fromSnapshot = CliRun.run("replay", data.toString());
        assertEquals(0, fromSnapshot.exitCode(), "the snapshot covers the damaged event: " + fromSnapshot.err());

        final CliRun journalOnly = CliRun.run("replay", data.toString(), "--journal-only");
        assertEquals(1, journalOnly.exitCode(), journalOnly.err());
        assertEquals(1, journalOnly.errLines().size(), journalOnly.err());
        assertTrue(journalOnly.err().contains(".cq4"), "names the file: " + journalOnly.err());
    }

    @Test
    void dumpPrintsEveryEventOfEachPartitionReadably()
    {
        final CliRun run = CliRun.run("dump", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        final List<String> lines = run.outLines();
        assertEquals("# partition 0: " + data.resolve("partition-0").resolve("journal"), lines.get(0));
        assertEquals(List.of("follow", "follow", "post", "post", "unfollow", "post", "delete"),
            lines.subList(1, lines.size()).stream().map(line -> line.trim().split(" +")[2]).toList());
        assertTrue(lines.get(1).matches("\\s*0x\\p{XDigit}+ +\\d{4}-\\d\\d-\\d\\dT\\S+Z +follow +follower=1 followee=2"),
            lines.get(1));
        assertTrue(lines.get(3).endsWith(" author=2 text=\"first \\\"quoted\\\"\\ttabbed\""), lines.get(3));
        assertTrue(lines.get(7).endsWith("delete    id=" + deletedId), lines.get(7));
    }

    @Test
    void dumpTakesAJournalDirectoryAStartAndALimitAndWritesJsonLines() throws Exception
    {
        final Path journal = data.resolve("partition-0").resolve("journal");
        final List<JsonNode> all = jsonLines(CliRun.run("dump", journal.toString(), "--json"));
        assertEquals(7, all.size());
        assertEquals("post", all.get(2).get("type").asText());
        assertEquals("first \"quoted\"\ttabbed", all.get(2).get("text").asText());
        assertEquals(2, all.get(2).get("author").asLong());
        assertTrue(all.get(2).has("id") && all.get(2).has("time") && !all.get(2).has("partition"));

        final List<JsonNode> page = jsonLines(CliRun.run("dump", data.toString(), "--json",
            "--from", "0x" + Long.toHexString(all.get(3).get("index").asLong()), "--limit", "2"));
        assertEquals(2, page.size());
        assertEquals(all.get(3).get("index"), page.get(0).get("index"));
        assertEquals("unfollow", page.get(1).get("type").asText());
        assertEquals(0, page.get(0).get("partition").asInt());
    }

    @Test
    @Timeout(120)
    void aDamagedJournalIsOneLineNamingWhereAndExitsOne() throws Exception
    {
        try (ShellProcess crashing = ShellProcess.start(data))
        {
            crashing.send("post 5 " + CRASH_TEXT);
        }
        damage(data.resolve("partition-0").resolve("journal"), CRASH_TEXT);
        for (final String command : List.of("replay", "dump"))
        {
            final CliRun run = CliRun.run(command, data.toString());
            assertEquals(1, run.exitCode(), command + ": " + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("timeline: "), run.err());
            assertTrue(run.err().contains(".cq4"), "names the file: " + run.err());
        }
    }

    private static List<JsonNode> jsonLines(final CliRun run) throws Exception
    {
        assertEquals(0, run.exitCode(), run.err());
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : run.outLines())
        {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    /** Flips a byte inside the text {@code marker} in whichever queue file holds it. */
    private static void damage(final Path journal, final String text) throws Exception
    {
        final byte[] marker = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(journal))
        {
            for (final Path file : files.filter(f -> f.toString().endsWith(".cq4")).toList())
            {
                final byte[] bytes = Files.readAllBytes(file);
                final int at = indexOf(bytes, marker);
                if (at >= 0)
                {
                    bytes[at + 3] ^= 0x20;
                    Files.write(file, bytes);
                    return;
                }
            }
        }
        throw new AssertionError("marked text not found in " + journal);
    }

    private static int indexOf(final byte[] bytes, final byte[] pattern)
    {
        for (int i = 0; i + pattern.length <= bytes.length; i++)
        {
            if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length))
            {
                return i;
            }
        }
        return -1;
    }
}
