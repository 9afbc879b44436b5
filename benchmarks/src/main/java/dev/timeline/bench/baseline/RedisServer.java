package dev.timeline.bench.baseline;

import org.agrona.IoUtil;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of its own, started on a free loopback port with no persistence
 * ({@code --save "" --appendonly no}) and stopped by {@link #close}.
 */
public final class RedisServer implements AutoCloseable
{
    /** The executable looked for on the {@code PATH}. */
    public static final String EXECUTABLE = "redis-server";
    /** The address the server listens on. */
    public static final String HOST = "127.0.0.1";

    private static final long START_TIMEOUT_MILLIS = 10_000;
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 20;

    private final Process process;
    private final Path directory;
    private final int port;

    private RedisServer(final Process process, final Path directory, final int port)
    {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Whether {@value #EXECUTABLE} is on the {@code PATH}. */
    public static boolean isInstalled()
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return false;
        }
        for (final String entry : path.split(File.pathSeparator))
        {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, EXECUTABLE)))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a server and waits until it answers {@code PING}.
     *
     * @throws IOException           if it cannot be started.
     * @throws IllegalStateException if it exits or does not answer within 10 seconds.
     */
    public static RedisServer start() throws IOException, InterruptedException
    {
        final int port = freePort();
        final Path directory = Files.createTempDirectory("timeline-redis");
        final Path log = directory.resolve("redis.log");
        final Process process = new ProcessBuilder(
            EXECUTABLE, "--port", Integer.toString(port), "--bind", HOST,
            "--save", "", "--appendonly", "no", "--dir", directory.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        final RedisServer server = new RedisServer(process, directory, port);
        try
        {
            server.awaitPing(log);
            return server;
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            server.close();
            throw ex;
        }
    }

    /** Processor time the server has taken so far, in nanoseconds; 0 where the system does not tell. */
    public long processorNanos()
    {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The loopback port the server listens on. */
    public int port()
    {
        return port;
    }

    /** Stops the server (forcibly after 10 seconds, or if interrupted) and deletes its directory. */
    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        IoUtil.delete(directory.toFile(), true);
    }

    private void awaitPing(final Path log) throws IOException, InterruptedException
    {
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true)
        {
            if (!process.isAlive())
            {
                throw new IllegalStateException(EXECUTABLE + " exited with status " + process.exitValue() + ": " +
                    Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            try (Jedis jedis = new Jedis(HOST, port))
            {
                jedis.ping();
                return;
            }
            catch (final JedisConnectionException ex)
            {
                if (System.currentTimeMillis() > deadline)
                {
                    throw new IllegalStateException(EXECUTABLE + " did not answer on port " + port + " within " +
                        START_TIMEOUT_MILLIS / 1000 + " s", ex);
                }
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST)))
        {
            return socket.getLocalPort();
        }
    }
}
