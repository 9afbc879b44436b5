package dev.timeline.cluster;

import dev.timeline.engine.Strategy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /** Member {@code id} of {@code members} in a process of its own, on {@code data}, set up as {@link #config}. */
    static MemberProcess start(final int id, final Members members, final Path data) throws IOException
    {
        return start(id, members, data, List.of());
    }

    /** As {@link #start(int, Members, Path)}, the JVM given {@code jvmFlags} besides: a direct memory limit. */
    static MemberProcess start(final int id, final Members members, final Path data, final List<String> jvmFlags)
        throws IOException
    {
        final List<String> flags = new ArrayList<>(List.of(System.getProperty("jvm.flags").trim().split("\\s+")));
        flags.addAll(jvmFlags);
        return MemberProcess.start(id, members, data, flags, SECRET_TEXT, List.of("term=" + LOG_TERM_LENGTH,
            "heartbeat=" + HEARTBEAT.toMillis(), "capacity=" + CAPACITY, "threshold=" + THRESHOLD));
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
}
