package dev.timeline.cluster;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link TimelineClient}: set what differs from the defaults, then
 * {@link TimelineClient#connect(ClientConfig)} checks it once through {@link #conclude()}. The members
 * and the shared secret are required.
 */
public final class ClientConfig
{
    private Members members;
    private SharedSecret secret;
    private Duration timeout = NodeConfig.DEFAULT_WRITE_TIMEOUT;
    private Duration resendAfter = Duration.ofSeconds(2);
    private int maxInFlight = ClientSessions.WINDOW - 1;
    private Duration idleMaxPark = NodeConfig.DEFAULT_IDLE_MAX_PARK;
    private String host;
    private Path aeronDirectory;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;

    /**
     * Checks every setting; called by {@link TimelineClient#connect}.
     *
     * @throws IllegalArgumentException naming the first setting that is missing or out of range.
     */
    public ClientConfig conclude()
    {
        if (members == null)
        {
            throw new IllegalArgumentException("members are required");
        }
        if (secret == null)
        {
            throw new IllegalArgumentException("a shared secret is required: the cluster lets in only clients that have it");
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(resendAfter, "resendAfter");
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (timeout.isNegative() || timeout.isZero())
        {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        NodeConfig.checkIdleMaxPark(idleMaxPark);
        if (maxInFlight < 1 || maxInFlight >= ClientSessions.WINDOW)
        {
            throw new IllegalArgumentException(
                "maxInFlight must be 1.." + (ClientSessions.WINDOW - 1) + ", was " + maxInFlight);
        }
        if (host == null)
        {
            host = defaultHost();
        }
        return this;
    }

    /** The cluster's members; required. */
    public ClientConfig members(final Members members)
    {
        this.members = members;
        return this;
    }

    public Members members()
    {
        return members;
    }

    /** The secret the cluster lets clients in with; required. */
    public ClientConfig secret(final SharedSecret secret)
    {
        this.secret = secret;
        return this;
    }

    public SharedSecret secret()
    {
        return secret;
    }

    /**
     * How long a command waits for its answer, across elections, before
     * {@link dev.timeline.engine.WriteTimeoutException}; 30 s by default.
     */
    public ClientConfig timeout(final Duration timeout)
    {
        this.timeout = timeout;
        return this;
    }

    public Duration timeout()
    {
        return timeout;
    }

    /** How long before a command not yet answered is sent again; 2 s by default. */
    public ClientConfig resendAfter(final Duration resendAfter)
    {
        this.resendAfter = resendAfter;
        return this;
    }

    public Duration resendAfter()
    {
        return resendAfter;
    }

    /** Commands sent but not yet answered, at most; past it writes are rejected. */
    public ClientConfig maxInFlight(final int maxInFlight)
    {
        this.maxInFlight = maxInFlight;
        return this;
    }

    public int maxInFlight()
    {
        return maxInFlight;
    }

    /**
     * How long an idle agent of this client (its media driver and the thread that talks to the cluster) sleeps at most before it looks for work again: the trade
     * of latency against CPU. Each of its threads backs off from spinning to parking for up to this;
     * 1 ms by default, so that idle clients take little CPU, which adds up to about that much to each
     * hop of a write. 1 µs to 100 ms; on cores of its own, a few microseconds.
     */
    public ClientConfig idleMaxPark(final Duration idleMaxPark)
    {
        this.idleMaxPark = idleMaxPark;
        return this;
    }

    public Duration idleMaxPark()
    {
        return idleMaxPark;
    }

    /**
     * The address of this host that the cluster sends answers to: by default loopback when the
     * first member is on loopback, else this host's address.
     */
    public ClientConfig host(final String host)
    {
        this.host = host;
        return this;
    }

    public String host()
    {
        return host;
    }

    /**
     * The directory of a media driver running on this host to use; by default the client runs one
     * of its own in a temporary directory.
     */
    public ClientConfig aeronDirectory(final Path aeronDirectory)
    {
        this.aeronDirectory = aeronDirectory;
        return this;
    }

    public Path aeronDirectory()
    {
        return aeronDirectory;
    }

    /** The clock timeouts are measured on. */
    public ClientConfig nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    public NanoClock nanoClock()
    {
        return nanoClock;
    }

    private String defaultHost()
    {
        try
        {
            return InetAddress.getByName(members.host(0)).isLoopbackAddress() ?
                members.host(0) : InetAddress.getLocalHost().getHostAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("cannot resolve " + members.host(0) + ": " + ex.getMessage());
        }
    }
}
