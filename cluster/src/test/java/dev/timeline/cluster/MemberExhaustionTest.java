package dev.timeline.cluster;

import dev.timeline.engine.DiskFullException;
import dev.timeline.engine.MemoryLimitException;
import dev.timeline.engine.status.ErrorLogFile;
import dev.timeline.journal.SmallFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three members in processes of their own under a write load from a client, the third of which
 * runs out of disk (its data directory on a small tmpfs; skipped, saying why, where one cannot be
 * mounted) or of direct memory ({@code -XX:MaxDirectMemorySize}). It stops applying the log, says
 * why in its error log and in one line on standard error, and exits with 1, no crash; for a disk,
 * before the disk is full. The other two go on acknowledging every write. Restarted with the space
 * or memory it lacked, it catches up, and every member holds exactly the acknowledged posts.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemberExhaustionTest
{
    private static final int EXHAUSTED = 2;
    private static final int IN_FLIGHT = 64;
    private static final int PADDING = 250;
    private static final int WRITES_BETWEEN = 200;
    private static final int DISK_MIB = 24;
    private static final String DIRECT_MEMORY_LIMIT = "-XX:MaxDirectMemorySize=28m";

    @TempDir
    Path data;

    private final Members members = Members.onLoopback(3);
    private final List<MemberProcess> processes = new ArrayList<>();
    private SmallFileSystem disk;
    private WriteLoad load;

    @AfterEach
    void stopEverything() throws InterruptedException
    {
        if (load != null)
        {
            load.close();
        }
        processes.forEach(MemberProcess::close);
        for (final MemberProcess process : processes)
        {
            process.awaitExit();
        }
        if (disk != null)
        {
            disk.close();
        }
    }

    @Test
    void aMemberWhoseDiskFillsStopsBeforeItIsFullSaysSoAndCatchesUpOnceItGrows() throws Exception
    {
        disk = SmallFileSystem.mount(directory(EXHAUSTED), DISK_MIB);
        startMembersAndLoad(List.of());
        assertTheThirdStoppedForItsDisk(awaitTheThirdStops());
        assertTrue(Files.getFileStore(disk.directory()).getUsableSpace() > 0, "it stopped before its disk was full");

        disk.resize(DISK_MIB * 2);
        restartTheThirdAndCheckEveryMember();
    }

    @Test
    void aMemberWhoseDiskAnotherProcessFillsAtOnceStopsWithoutACrash() throws Exception
    {
        disk = SmallFileSystem.mount(directory(EXHAUSTED), DISK_MIB);
        startMembersAndLoad(List.of());
        load.awaitMore(WRITES_BETWEEN);
        final Path ballast = disk.fill("ballast", 0);
        assertTheThirdStoppedForItsDisk(awaitTheThirdStops());

        Files.delete(ballast);
        restartTheThirdAndCheckEveryMember();
    }

    @Test
    void aMemberOutOfDirectMemoryStopsSayingSoAndCatchesUpWithMore() throws Exception
    {
        startMembersAndLoad(List.of(DIRECT_MEMORY_LIMIT));
        final String stopped = awaitTheThirdStops();
        assertTrue(stopped.startsWith("member 2 stopped: out of direct memory: ") &&
            stopped.contains("-XX:MaxDirectMemorySize"), stopped);
        assertErrorLogTells(MemoryLimitException.class);

        restartTheThirdAndCheckEveryMember();
    }

    /** Starts the three members, the third's JVM given {@code jvmFlags}, and the load. */
    private void startMembersAndLoad(final List<String> jvmFlags) throws Exception
    {
        for (int id = 0; id < 3; id++)
        {
            processes.add(LocalCluster.start(id, members, directory(id), id == EXHAUSTED ? jvmFlags : List.of()));
        }
        load = new WriteLoad(members, IN_FLIGHT, PADDING);
    }

    /**
     * Waits until the third member exits by itself, and the other two acknowledge more writes;
     * returns the one line it said.
     */
    private String awaitTheThirdStops() throws Exception
    {
        final MemberProcess exhausted = processes.get(EXHAUSTED);
        assertEquals(1, exhausted.awaitExit(), "the stopped member's exit status");
        final List<String> stderr = Files.readAllLines(exhausted.errors());
        assertEquals(1, stderr.size(), "one line on standard error: " + stderr);
        load.awaitMore(WRITES_BETWEEN);
        return stderr.get(0);
    }

    private void assertTheThirdStoppedForItsDisk(final String stopped)
    {
        assertTrue(stopped.matches("member 2 stopped: the disk of " + Pattern.quote(disk.directory().toString()) +
            " is full: \\d+\\.\\d\\d MiB free, no more than the 8\\.00 MiB a member keeps free for its log; " +
            "free space and start the member again"), stopped);
        assertErrorLogTells(DiskFullException.class);
    }

    private void assertErrorLogTells(final Class<? extends Exception> type)
    {
        try (ErrorLogFile errors = ErrorLogFile.open(directory(EXHAUSTED)))
        {
            final String logged = errors.describe();
            assertTrue(logged.contains(type.getName() + ": "), logged);
        }
    }

    private void restartTheThirdAndCheckEveryMember() throws Exception
    {
        processes.set(EXHAUSTED, LocalCluster.start(EXHAUSTED, members, directory(EXHAUSTED)));
        load.awaitMore(WRITES_BETWEEN);
        for (final MemberProcess process : processes)
        {
            load.assertHeldExactlyBy(process);
        }
    }

    private Path directory(final int id)
    {
        return data.resolve("m" + id);
    }
}
