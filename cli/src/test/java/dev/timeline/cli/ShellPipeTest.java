package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code timeline shell --json} in a child JVM, talked to through its standard input and output:
 * each line is answered at once, and an answer means the write survives the process being killed.
 */
@Timeout(120)
class ShellPipeTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final List<Shell> shells = new ArrayList<>();

    @AfterEach
    void killShells()
    {
        shells.forEach(shell -> shell.process.destroyForcibly());
    }

    @Test
    void answersEachLineAsItArrivesAndKeepsTextExactly() throws Exception
    {
        final Shell shell = start();
        assertEquals("{\"ok\":true}", shell.send("follow 10 20").toString());
        final String text = "\ttabs\tand  spaces, emoji 🚀👍🏽, ünïcödé, 東京 ";
        final long id = shell.send("post 20 " + text).get("id").asLong();
        final JsonNode home = shell.send("home 10").get("tweets");
        assertEquals(1, home.size());
        assertEquals(id, home.get(0).get("id").asLong());
        assertEquals(20, home.get(0).get("author").asLong());
        assertEquals(text, home.get(0).get("text").asText());

        assertTrue(shell.send("home ten").has("error"));
        assertTrue(shell.send("").has("error"));
        assertEquals("{\"ok\":true}", shell.send("delete " + id).toString());
        assertEquals("{\"tweets\":[]}", shell.send("tweets 20").toString());
        assertEquals("{\"ok\":true}", shell.send("unfollow 10 20").toString());

        shell.stdin.close();
        assertEquals(0, shell.process.waitFor(), "end of input closes the engine and exits 0");
        assertEquals(null, shell.stdout.readLine());
    }

    @Test
    void anAnsweredWriteSurvivesTheProcessBeingKilled() throws Exception
    {
        final Shell first = start();
        first.send("follow 1 2");
        final long id = first.send("post 2 written before the kill ✓").get("id").asLong();
        first.process.destroyForcibly().waitFor();
        assertFalse(first.process.isAlive());

        final Shell second = start();
        final JsonNode home = second.send("home 1").get("tweets");
        assertEquals(1, home.size());
        assertEquals(id, home.get(0).get("id").asLong());
        assertEquals("written before the kill ✓", home.get(0).get("text").asText());
        assertTrue(second.send("post 2 after the restart").get("id").asLong() > id, "ids keep going up");
        second.write("quit");
        assertEquals(0, second.process.waitFor());
    }

    private Shell start() throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TimelineCli.class.getName(),
            "shell", "--json", "--data", data.toString()));
        final Process process = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        final Shell shell = new Shell(process);
        shells.add(shell);
        return shell;
    }

    private static final class Shell
    {
        final Process process;
        final BufferedWriter stdin;
        final BufferedReader stdout;

        Shell(final Process process)
        {
            this.process = process;
            this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Writes one line and reads the one JSON object that answers it. */
        JsonNode send(final String line) throws IOException
        {
            write(line);
            final String reply = stdout.readLine();
            assertTrue(reply != null, "the shell answered '" + line + "'");
            return JSON.readTree(reply);
        }

        void write(final String line) throws IOException
        {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        }
    }
}
