package dev.timeline.cluster;

import dev.timeline.engine.Strategy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Members on loopback for tests: ports no other test on the machine uses, small terms, one secret. */
final class LocalCluster
{
    static final String SECRET_TEXT = "test secret";
    static final SharedSecret SECRET = SharedSecret.of(SECRET_TEXT);
    static final int LOG_TERM_LENGTH = 1 << 20;
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final int CAPACITY = 6;
    static final int THRESHOLD = 3;

    private LocalCluster()
    {
    }

    /** {@code count} members on loopback whose ports are free now. */
    static Members members(final int count)
    {
        while (true)
        {
            final int base = 20_000 + ThreadLocalRandom.current().nextInt(1_000) * 10;
            if (free(base, count * Members.PORTS))
            {
                final List<String> members = new ArrayList<>();
                for (int id = 0; id < count; id++)
                {
                    members.add("localhost:" + (base + id * Members.PORTS));
                }
                return Members.parse(String.join(",", members));
            }
        }
    }

    /** Member {@code id} of {@code members} in a process of its own, on {@code data}, set up as {@link #config}. */
    static MemberProcess start(final int id, final Members members, final Path data) throws IOException
    {
        return MemberProcess.start(id, members, data, List.of(System.getProperty("jvm.flags").trim().split("\\s+")),
            SECRET_TEXT, List.of(Integer.toString(LOG_TERM_LENGTH), Long.toString(HEARTBEAT.toMillis()),
            Integer.toString(CAPACITY), Integer.toString(THRESHOLD)));
    }

    /** The configuration of member {@code id} of {@code members}, its data in {@code data}. */
    static NodeConfig config(final Members members, final int id, final Path data)
    {
        return new NodeConfig()
            .members(members)
            .memberId(id)
            .dataDirectory(data)
            .secret(SECRET)
            .strategy(Strategy.HYBRID)
            .celebrityThreshold(THRESHOLD)
            .timelineCapacity(CAPACITY)
            .logTermLength(LOG_TERM_LENGTH)
            .leaderHeartbeatTimeout(HEARTBEAT)
            .writeTimeout(Duration.ofMinutes(2));
    }

    private static boolean free(final int base, final int ports)
    {
        for (int port = base; port < base + ports; port++)
        {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
            {
                socket.getLocalPort();
            }
            catch (final IOException ex)
            {
                return false;
            }
        }
        return true;
    }
}
