package dev.timeline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest
{
    private static final Pattern DIRECTORY = Pattern.compile("data directory: (\\S+)");
    private static final Pattern DELIVERIES = Pattern.compile("\n  deliveries +([\\d,]+) +[\\d,]+ ");
    private static final Pattern STATE = Pattern.compile("\n  state +[\\d,]+ users, ([\\d,]+) follows, ([\\d,]+) tweets");
    private static final Pattern JOURNAL_REPLAY =
        Pattern.compile("\n  journal replay: ([\\d,]+) events in \\d+\\.\\d\\d s \\([\\d,]+ events/s\\)");

    @Test
    void runsEveryPhaseAndDeletesItsTemporaryDirectory()
    {
        final CliRun run = CliRun.run("demo", "--users", "400", "--duration", "1", "--readers", "1", "--seed", "3");
        assertEquals(0, run.exitCode(), run.err());
        final String out = run.out();
        for (final String expected : new String[]{
            "[1/4] building the social graph", "[2/4] posting and reading", "[3/4] results", "posts", "home reads",
            "deliveries", "p99.9", "memory", "heap used", "engine off-heap", "[4/4] restarting",
            "timelines identical after restart: yes" })
        {
            assertTrue(out.contains(expected), "'" + expected + "' in\n" + out);
        }
        assertFalse(Files.exists(directory(out)), "temporary directory deleted");

        assertTrue(number(DELIVERIES, out, 1) > 0, "posts were written into followers' timelines");
        assertEquals(number(STATE, out, 1) + number(STATE, out, 2), number(JOURNAL_REPLAY, out, 1),
            "the whole journal is replayed: every follow and every post");
    }

    @Test
    void keepsTheDirectoryItIsGivenForReplay(@TempDir final Path temp)
    {
        final Path data = temp.resolve("demo");
        final CliRun run = CliRun.run("demo", "--users", "200", "--duration", "1", "--posters", "2", "--readers", "0",
            "--workload", "zipf", "--strategy", "push", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(data, directory(run.out()));
        assertTrue(Files.isDirectory(data));

        final CliRun replay = CliRun.run("replay", data.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        assertTrue(replay.out().contains("users"), replay.out());
    }

    private static long number(final Pattern pattern, final String out, final int group)
    {
        final Matcher matcher = pattern.matcher(out);
        assertTrue(matcher.find(), pattern + " in\n" + out);
        return Long.parseLong(matcher.group(group).replace(",", ""));
    }

    private static Path directory(final String out)
    {
        final Matcher matcher = DIRECTORY.matcher(out);
        assertTrue(matcher.find(), out);
        return Path.of(matcher.group(1));
    }
}
