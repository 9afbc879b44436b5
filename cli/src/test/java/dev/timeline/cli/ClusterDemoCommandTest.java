package dev.timeline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code timeline cluster demo} with a small graph and a short load, its members in child JVMs. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterDemoCommandTest
{
    private static final Pattern DIRECTORIES = Pattern.compile("data directories: (\\S+)/member-N");
    private static final Pattern PIDS = Pattern.compile("\\(pid (\\d+)\\)|: pid (\\d+),");

    @Test
    void killsTheLeaderUnderLoadAndEndsWithTheSameTimelinesOnEveryMember()
    {
        final CliRun run = CliRun.run("cluster", "demo", "--users", "200", "--rate", "200", "--duration", "3",
            "--kill-after", "1");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        final String out = run.out();
        for (final String expected : new String[]{
            "[1/6] starting 3 members", "[2/6] building the social graph", "[3/6] posting 200 posts/s",
            "after the kill", "600 posts sent, 600 acknowledged, 0 failed", "[4/6] starting member",
            "is a follower and has applied every write committed before it", "[5/6] syncing every member",
            "caught up: yes, every member is at the same position", "[6/6] reading the home timelines",
            "identical on every member: yes", "stopping the members (SIGTERM)", "none lost" })
        {
            assertTrue(out.contains(expected), "'" + expected + "' in\n" + out);
        }
        final Matcher directories = DIRECTORIES.matcher(out);
        assertTrue(directories.find(), out);
        assertFalse(Files.exists(Path.of(directories.group(1))), "the members' data deleted");
        final Matcher pids = PIDS.matcher(out);
        int members = 0;
        while (pids.find())
        {
            final long pid = Long.parseLong(pids.group(1) != null ? pids.group(1) : pids.group(2));
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " stopped");
            members++;
        }
        assertEquals(5, members, "three started, the leader killed, and started again: " + out);
    }

    @Test
    void theLeaderIsKilledBeforeThePostsEnd()
    {
        final CliRun run = CliRun.run("cluster", "demo", "--duration", "3", "--kill-after", "3");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("timeline cluster demo: --kill-after must be 1 to --duration - 1 seconds, was 3 " +
            "(see 'timeline cluster demo --help')", run.err().strip());
    }
}
