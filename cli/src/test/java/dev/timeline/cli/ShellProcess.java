package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@code timeline shell --json} in a child JVM started with the build's JVM flags and the test
 * class path, talked to through real pipes.
 */
final class ShellProcess implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    final Process process;
    final BufferedWriter stdin;
    final BufferedReader stdout;

    private ShellProcess(final Process process)
    {
        this.process = process;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ShellProcess start(final Path data) throws IOException
    {
        return new ShellProcess(builder(data, List.of()).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** A shell on {@code data} in a JVM with {@code jvmOptions} besides the build's, its stderr to {@code stderr}. */
    static ShellProcess start(final Path data, final List<String> jvmOptions, final Path stderr) throws IOException
    {
        return new ShellProcess(builder(data, jvmOptions).redirectError(stderr.toFile()).start());
    }

    /** The command line of a shell on {@code data} in a JVM with {@code jvmOptions} besides the build's. */
    static ProcessBuilder builder(final Path data, final List<String> jvmOptions)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("jvm.flags").trim().split("\\s+")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TimelineCli.class.getName(),
            "shell", "--json", "--data", data.toString()));
        return new ProcessBuilder(command);
    }

    /** Writes one line and reads the one JSON object that answers it. */
    JsonNode send(final String line) throws IOException
    {
        write(line);
        final String reply = stdout.readLine();
        assertNotNull(reply, "the shell answered '" + line + "'");
        return JSON.readTree(reply);
    }

    /** Writes one line without waiting for an answer. */
    void write(final String line) throws IOException
    {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** Kills the process at once, as {@code kill -9} does, and waits for it to be gone. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close()
    {
        try
        {
            kill();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
