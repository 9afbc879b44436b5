package dev.timeline.cli;

import dev.timeline.cluster.Members;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Members of a cluster on this host's loopback, for a demonstration or a test: their ports are taken
 * at random from {@value #FIRST_PORT} to {@value #LAST_PORT}, below Linux's ephemeral ports, where all
 * of them are free now, so that runs on the same machine do not collide.
 */
final class LoopbackMembers
{
    static final int FIRST_PORT = 20_000;
    static final int LAST_PORT = 30_000;
    private static final int ATTEMPTS = 1_000;

    private LoopbackMembers()
    {
    }

    /**
     * {@code count} members on loopback whose ports are all free.
     *
     * @throws CliException if no such ports were found.
     */
    static Members pick(final int count)
    {
        final int span = count * Members.PORTS;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            final int base = FIRST_PORT +
                ThreadLocalRandom.current().nextInt((LAST_PORT - FIRST_PORT - span) / Members.PORTS) * Members.PORTS;
            if (free(base, span))
            {
                final List<String> members = new ArrayList<>();
                for (int id = 0; id < count; id++)
                {
                    members.add("localhost:" + (base + id * Members.PORTS));
                }
                return Members.parse(String.join(",", members));
            }
        }
        throw new CliException("no " + span + " free ports in a row on loopback from " + FIRST_PORT + " to " + LAST_PORT);
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
