package dev.timeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One run of {@code timeline shell --json} in a child JVM, fed some input, with its exit code and output. */
record CliProcess(int exitCode, String stdout, String stderr)
{
    /** Runs a shell on {@code data} in a JVM with {@code jvmOptions} besides the build's, feeding it {@code input}. */
    static CliProcess run(final Path data, final List<String> jvmOptions, final String input)
        throws IOException, InterruptedException
    {
        final Path stdout = Files.createTempFile("timeline-shell", ".out");
        final Path stderr = Files.createTempFile("timeline-shell", ".err");
        try
        {
            final Process process = ShellProcess.builder(data, jvmOptions)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
            try (OutputStream stdin = process.getOutputStream())
            {
                stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
            }
            final int exitCode = process.waitFor();
            return new CliProcess(exitCode, Files.readString(stdout), Files.readString(stderr));
        }
        finally
        {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
