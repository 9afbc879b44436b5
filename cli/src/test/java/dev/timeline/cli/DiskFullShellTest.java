package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeline.journal.SmallFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code timeline shell --json} on a real file system that fills up (a small tmpfs; skipped, saying
 * why, where it cannot be mounted): every line gets one JSON answer, the post that does not fit a
 * refusal naming the directory, reads go on, writes resume once the file system grows, and no JVM
 * crash file is written.
 */
@Timeout(300)
class DiskFullShellTest
{
    @TempDir
    Path directory;

    private SmallFileSystem disk;

    @BeforeEach
    void mount() throws Exception
    {
        disk = SmallFileSystem.mount(directory.resolve("disk"), 24);
    }

    @AfterEach
    void unmount()
    {
        disk.close();
    }

    @Test
    void everyLineIsAnsweredAndThePostThatDoesNotFitIsRefused() throws Exception
    {
        final Path data = disk.directory().resolve("timeline");
        try (ShellProcess shell = ShellProcess.start(data, List.of(), directory.resolve("stderr")))
        {
            assertEquals("{\"ok\":true}", shell.send("follow 2 1").toString());
            long posted = 0;
            JsonNode reply;
            while ((reply = shell.send("post 1 " + "x".repeat(270))).has("id"))
            {
                posted++;
            }
            final String error = reply.get("error").asText();
            assertTrue(error.startsWith("no space left in " + data), error);
            assertTrue(posted > 1_000, "posted until the disk was full");
            assertEquals(1, shell.send("home 2 1").get("tweets").size(), "reads go on");

            disk.resize(64);
            assertTrue(shell.send("post 1 after the disk grew").has("id"), "writes resume");
            shell.stdin.close();
            assertEquals(0, shell.process.waitFor(), Files.readString(directory.resolve("stderr")));
        }
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("")), Files.list(directory)))
        {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().contains("hs_err_pid")).toList());
        }
    }
}
