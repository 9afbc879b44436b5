package dev.timeline.bench;

import dev.timeline.bench.baseline.RedisServer;
import dev.timeline.bench.baseline.RedisTimelines;
import dev.timeline.engine.EngineConfig;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Recorder;

import java.io.IOException;

/**
 * The Redis baseline in the comparison: a {@code redis-server} of its own and {@link RedisTimelines}
 * on one connection, posts pipelined in batches of a fixed window; every post of a batch is
 * acknowledged when the batch's answers have all arrived.
 */
final class RedisContender extends BaselineContender<RedisTimelines>
{
    private final RedisServer server;
    private final long[] starts;

    private RedisContender(final RedisServer server, final int window)
    {
        super(new RedisTimelines(RedisServer.HOST, server.port(), EngineConfig.DEFAULT_TIMELINE_CAPACITY));
        this.server = server;
        this.starts = new long[window];
    }

    /** Starts a server and loads {@code workload}'s follow graph; posts in batches of {@code window}. */
    static RedisContender open(final Workload workload, final int window) throws IOException, InterruptedException
    {
        final RedisServer server = RedisServer.start();
        RedisContender contender = null;
        try
        {
            contender = new RedisContender(server, window);
            contender.load(workload);
            return contender;
        }
        catch (final RuntimeException ex)
        {
            if (null == contender)
            {
                server.close();
            }
            else
            {
                contender.close();
            }
            throw ex;
        }
    }

    @Override
    public int inFlight()
    {
        return starts.length;
    }

    @Override
    public void post(final Posts posts, final int from, final int to, final Recorder latency)
    {
        for (int batch = from; batch < to; batch += starts.length)
        {
            final int size = Math.min(starts.length, to - batch);
            for (int i = 0; i < size; i++)
            {
                starts[i] = System.nanoTime();
                timelines().post(posts.author(batch + i), posts.text(batch + i));
            }
            timelines().sync();
            final long acknowledged = System.nanoTime();
            for (int i = 0; i < size; i++)
            {
                latency.recordValue(acknowledged - starts[i]);
            }
        }
    }

    @Override
    public long processorNanos()
    {
        return super.processorNanos() + server.processorNanos();
    }

    @Override
    public void close()
    {
        try
        {
            timelines().close();
        }
        finally
        {
            server.close();
        }
    }
}
