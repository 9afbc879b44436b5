package dev.timeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One run of the {@code timeline} command in a child JVM, fed some input, with its exit code and output. */
record CliProcess(int exitCode, String stdout, String stderr)
{
    /** Runs a shell on {@code data} in a JVM with {@code jvmOptions} besides the build's, feeding it {@code input}. */
    static CliProcess run(final Path data, final List<String> jvmOptions, final String input)
        throws IOException, InterruptedException
    {
        return run(ShellProcess.builder(data, jvmOptions), input);
    }

    /** Runs the command of {@code builder}, feeding it {@code input} and a line end, then the end of the input. */
    static CliProcess run(final ProcessBuilder builder, final String input) throws IOException, InterruptedException
    {
        final Path stdout = Files.createTempFile("timeline-cli", ".out");
        final Path stderr = Files.createTempFile("timeline-cli", ".err");
        try
        {
            final Process process = builder
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
            try
            {
                try (OutputStream stdin = process.getOutputStream())
                {
                    stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
                }
                final int exitCode = process.waitFor();
                return new CliProcess(exitCode, Files.readString(stdout), Files.readString(stderr));
            }
            finally
            {
                process.destroyForcibly().waitFor();
            }
        }
        finally
        {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    List<String> stdoutLines()
    {
        return stdout.lines().toList();
    }

    List<String> stderrLines()
    {
        return stderr.lines().toList();
    }
}
