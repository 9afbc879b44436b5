package dev.timeline.cluster;

import org.agrona.IoUtil;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A member in a child JVM ({@link MemberMain}) on the class path of this one, its role as it last
 * said, killed or stopped at will: for tests and probes that kill members.
 */
public final class MemberProcess implements AutoCloseable
{
    private final int id;
    private final Process process;
    private final Path errors;
    private final Path aeronDirectory;
    private final BufferedWriter stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private volatile String role = "";

    private MemberProcess(final int id, final Process process, final Path errors, final Path aeronDirectory)
    {
        this.id = id;
        this.process = process;
        this.errors = errors;
        this.aeronDirectory = aeronDirectory;
        stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        final Thread reader = new Thread(this::readOutput, "member-" + id + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts member {@code id} of {@code members} on {@code data}, its standard error appended to a
     * file beside {@code data}.
     *
     * @param jvmFlags the flags the JVM needs (Agrona's {@code --add-opens}), and any that override
     *                 the defaults (a 256 MiB heap, the serial collector).
     * @param secret   the cluster's secret, passed in the environment.
     * @param settings {@link MemberMain}'s {@code SETTING=VALUE} arguments.
     */
    public static MemberProcess start(
        final int id, final Members members, final Path data, final List<String> jvmFlags, final String secret,
        final List<String> settings) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MemberMain.class.getName(),
            Integer.toString(id), members.toString(), data.toString()));
        command.addAll(settings);
        final Path stderr = data.resolveSibling("member-" + id + ".err");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        builder.environment().put(SharedSecret.ENVIRONMENT, secret);
        return new MemberProcess(id, builder.start(), stderr, NodeConfig.defaultAeronDirectory(members, id));
    }

    public int id()
    {
        return id;
    }

    public boolean isLeader()
    {
        return role.equals("LEADER");
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    /** Waits until this member has applied everything committed before. */
    public void sync() throws IOException, InterruptedException
    {
        send("sync");
        expect("synced");
    }

    /** The id and text of every tweet of {@code author} in this member's replica, newest first. */
    public List<String> tweets(final long author) throws IOException, InterruptedException
    {
        send("texts " + author);
        final List<String> tweets = new ArrayList<>();
        for (String line = replies.take(); !line.equals("end"); line = replies.take())
        {
            tweets.add(line);
        }
        return tweets;
    }

    /** The file the member's standard error goes to, beside its data directory. */
    public Path errors()
    {
        return errors;
    }

    /** Waits for the member to end by itself, as it does when it stops applying the log; returns its exit status. */
    public int awaitExit() throws InterruptedException
    {
        return process.waitFor();
    }

    /**
     * Kills the process at once, as {@code kill -9} does, and deletes the buffers its media driver
     * left in its Aeron directory, which a member started again on the same port would delete itself.
     */
    public void kill() throws InterruptedException
    {
        process.destroyForcibly().waitFor();
        IoUtil.delete(aeronDirectory.toFile(), true);
    }

    /** Stops the member cleanly, as SIGTERM does, and waits for it. */
    public void stop() throws InterruptedException
    {
        process.destroy();
        process.waitFor();
    }

    /** Kills the process and, once it is gone, deletes its driver's buffers, as {@link #kill()} does. */
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

    private void send(final String line) throws IOException
    {
        stdin.write(line);
        stdin.newLine();
        stdin.flush();
    }

    private void expect(final String reply) throws InterruptedException
    {
        final String line = replies.take();
        if (!line.equals(reply))
        {
            throw new IllegalStateException("member " + id + " answered '" + line + "' where '" + reply + "' was due");
        }
    }

    private void readOutput()
    {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            for (String line = out.readLine(); line != null; line = out.readLine())
            {
                if (line.startsWith("role "))
                {
                    role = line.substring("role ".length());
                }
                else
                {
                    replies.add(line);
                }
            }
        }
        catch (final IOException ignored)
        {
            // the process is gone
        }
    }
}
