package dev.timeline.cluster;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The members of a cluster, each a {@code HOST:PORT} whose ports {@code PORT} to {@code PORT+9} it
 * listens on: ingress (clients), consensus (members), the log, catch-up, archive control, archive
 * replication and cluster replication, in that order from {@code PORT}, and three spare. A member's
 * id is its index in the list. Immutable.
 */
public final class Members
{
    static final int INGRESS = 0;
    static final int CONSENSUS = 1;
    static final int LOG = 2;
    static final int CATCHUP = 3;
    static final int ARCHIVE_CONTROL = 4;
    static final int ARCHIVE_REPLICATION = 5;
    static final int CLUSTER_REPLICATION = 6;
    /** Ports a member takes from its base port on. */
    public static final int PORTS = 10;
    private static final int FIRST_LOOPBACK_PORT = 20_000;
    private static final int LAST_LOOPBACK_PORT = 30_000;
    private static final int ATTEMPTS = 1_000;

    private final List<String> hosts;
    private final int[] ports;

    private Members(final List<String> hosts, final int[] ports)
    {
        this.hosts = hosts;
        this.ports = ports;
    }

    /**
     * Parses {@code HOST:PORT,HOST:PORT,...}.
     *
     * @throws IllegalArgumentException naming the first member that is not a host and a port from 1
     *                                  to 65535 minus the ten a member takes, or a list of fewer than one.
     */
    public static Members parse(final String members)
    {
        final List<String> hosts = new ArrayList<>();
        final String[] entries = members.split(",");
        final int[] ports = new int[entries.length];
        for (int i = 0; i < entries.length; i++)
        {
            final String entry = entries[i].trim();
            final int colon = entry.lastIndexOf(':');
            if (colon <= 0)
            {
                throw new IllegalArgumentException("member " + i + " '" + entry + "' is not HOST:PORT");
            }
            try
            {
                ports[i] = Integer.parseInt(entry.substring(colon + 1));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("member " + i + " '" + entry + "' has no port number");
            }
            if (ports[i] < 1 || ports[i] > 65535 - PORTS)
            {
                throw new IllegalArgumentException(
                    "member " + i + " '" + entry + "' needs ports " + ports[i] + " to " + (ports[i] + PORTS - 1) +
                    ": the port must be 1.." + (65535 - PORTS));
            }
            hosts.add(entry.substring(0, colon));
        }
        return new Members(List.copyOf(hosts), ports);
    }

    /**
     * {@code count} members on this host's loopback whose ports are all free now, for a demonstration,
     * a test or a benchmark: taken at random from 20,000 to 30,000, below Linux's ephemeral ports, so
     * that clusters started at once on one machine do not collide.
     *
     * @throws IllegalStateException if no such ports were found.
     */
    public static Members onLoopback(final int count)
    {
        final int span = count * PORTS;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            final int base = FIRST_LOOPBACK_PORT +
                ThreadLocalRandom.current().nextInt((LAST_LOOPBACK_PORT - FIRST_LOOPBACK_PORT - span) / PORTS) * PORTS;
            if (free(base, span))
            {
                final List<String> members = new ArrayList<>();
                for (int id = 0; id < count; id++)
                {
                    members.add("localhost:" + (base + id * PORTS));
                }
                return parse(String.join(",", members));
            }
        }
        throw new IllegalStateException("no " + span + " free ports in a row on loopback from " + FIRST_LOOPBACK_PORT +
            " to " + LAST_LOOPBACK_PORT);
    }

    /** How many members. */
    public int count()
    {
        return ports.length;
    }

    /** {@code HOST:PORT} of member {@code id}. */
    public String member(final int id)
    {
        return hosts.get(id) + ":" + ports[id];
    }

    String host(final int id)
    {
        return hosts.get(id);
    }

    /** {@code HOST:PORT} of member {@code id}'s port {@code offset} past its base. */
    String endpoint(final int id, final int offset)
    {
        return hosts.get(id) + ":" + (ports[id] + offset);
    }

    /** The members in Aeron's form: {@code id,ingress,consensus,log,catchup,archive|...}. */
    String clusterMembers()
    {
        final StringBuilder members = new StringBuilder();
        for (int id = 0; id < count(); id++)
        {
            members.append(id == 0 ? "" : "|").append(id)
                .append(',').append(endpoint(id, INGRESS))
                .append(',').append(endpoint(id, CONSENSUS))
                .append(',').append(endpoint(id, LOG))
                .append(',').append(endpoint(id, CATCHUP))
                .append(',').append(endpoint(id, ARCHIVE_CONTROL));
        }
        return members.toString();
    }

    /** The ingress endpoints in Aeron's form: {@code 0=host:port,1=...}. */
    String ingressEndpoints()
    {
        final StringBuilder endpoints = new StringBuilder();
        for (int id = 0; id < count(); id++)
        {
            endpoints.append(id == 0 ? "" : ",").append(id).append('=').append(endpoint(id, INGRESS));
        }
        return endpoints.toString();
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder();
        for (int id = 0; id < count(); id++)
        {
            text.append(id == 0 ? "" : ",").append(member(id));
        }
        return text.toString();
    }

    /** Whether ports {@code base} to {@code base + ports - 1} can all be bound at once on loopback now. */
    private static boolean free(final int base, final int ports)
    {
        final List<DatagramSocket> bound = new ArrayList<>();
        try
        {
            for (int port = base; port < base + ports; port++)
            {
                bound.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
            return true;
        }
        catch (final SocketException ex)
        {
            return false;
        }
        finally
        {
            bound.forEach(DatagramSocket::close);
        }
    }
}
