package dev.timeline.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What the cluster remembers of each client's writes, so that a write sent again after a failover
 * is applied once and answered with its first outcome: per client id, the outcomes of its last
 * {@link #WINDOW} writes by sequence number, and when it was last heard from in cluster time. A
 * client keeps fewer than {@code WINDOW} writes in flight, so any write it sends again is still
 * remembered. A client not heard from for {@link #RETENTION_MS} of cluster time is forgotten, so
 * that clients come and go in bounded memory: a client sends a write again for
 * {@link #RESEND_LIMIT_MS} at most, far less, so no write is forgotten while it can still arrive.
 * Part of the replicated state: every member holds the same, forgets at the same point of the log
 * and snapshots it. Service thread only.
 */
final class ClientSessions
{
    /** The writes a client may have in flight at once, and so the outcomes remembered per client. */
    static final int WINDOW = 4096;
    private static final int MASK = WINDOW - 1;
    /** How long, in cluster time (milliseconds), a client not heard from is remembered. */
    static final long RETENTION_MS = TimeUnit.HOURS.toMillis(2);
    /** How long after a client takes a write it may send it again; then it gives up on the answer. */
    static final long RESEND_LIMIT_MS = TimeUnit.MINUTES.toMillis(10);
    private static final long SWEEP_INTERVAL_MS = TimeUnit.MINUTES.toMillis(1);
    private static final long NONE = -1;

    private final Long2ObjectHashMap<Client> clients = new Long2ObjectHashMap<>();
    private long nextSweep;

    /**
     * The client with {@code clientId}, remembered from now on; heard from at {@code now}. Forgets,
     * at most once a minute, the clients not heard from for the retention.
     */
    Client client(final long clientId, final long now)
    {
        if (now >= nextSweep)
        {
            nextSweep = now + SWEEP_INTERVAL_MS;
            clients.values().removeIf(client -> client.lastHeard < now - RETENTION_MS);
        }
        Client client = clients.get(clientId);
        if (client == null)
        {
            client = new Client();
            clients.put(clientId, client);
        }
        client.lastHeard = now;
        return client;
    }

    int size()
    {
        return clients.size();
    }

    /** Bytes {@link #writeTo} writes. */
    int encodedLength()
    {
        return Long.BYTES + Integer.BYTES + clients.size() * Client.ENCODED_LENGTH;
    }

    /** Writes every client, in ascending id order so that every member writes the same bytes. */
    void writeTo(final MutableDirectBuffer buffer, final int offset)
    {
        final long[] ids = clients.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        buffer.putLong(offset, nextSweep);
        buffer.putInt(offset + Long.BYTES, ids.length);
        int at = offset + Long.BYTES + Integer.BYTES;
        for (final long id : ids)
        {
            buffer.putLong(at, id);
            clients.get(id).writeTo(buffer, at + Long.BYTES);
            at += Client.ENCODED_LENGTH;
        }
    }

    /** Reads back what {@link #writeTo} wrote, into no clients. */
    void readFrom(final DirectBuffer buffer, final int offset)
    {
        nextSweep = buffer.getLong(offset);
        final int count = buffer.getInt(offset + Long.BYTES);
        int at = offset + Long.BYTES + Integer.BYTES;
        for (int i = 0; i < count; i++)
        {
            final Client client = new Client();
            client.readFrom(buffer, at + Long.BYTES);
            clients.put(buffer.getLong(at), client);
            at += Client.ENCODED_LENGTH;
        }
    }

    /** One client's remembered writes. */
    static final class Client
    {
        private static final int ENCODED_LENGTH = Long.BYTES * 3 + WINDOW * (Long.BYTES * 2 + Integer.BYTES);

        private final long[] sequences = new long[WINDOW];
        private final int[] outcomes = new int[WINDOW];
        private final long[] values = new long[WINDOW];
        private long highest = NONE;
        private long lastHeard;

        Client()
        {
            Arrays.fill(sequences, NONE);
        }

        /** True if write {@code sequence} was applied (or refused) already: {@link #outcome} and {@link #value} tell how. */
        boolean answered(final long sequence)
        {
            return sequences[(int)(sequence & MASK)] == sequence;
        }

        /** True if write {@code sequence} is too old to be remembered: a client that broke the window. */
        boolean expired(final long sequence)
        {
            return sequence <= highest - WINDOW;
        }

        int outcome(final long sequence)
        {
            return outcomes[(int)(sequence & MASK)];
        }

        long value(final long sequence)
        {
            return values[(int)(sequence & MASK)];
        }

        void answer(final long sequence, final int outcome, final long value)
        {
            final int at = (int)(sequence & MASK);
            sequences[at] = sequence;
            outcomes[at] = outcome;
            values[at] = value;
            highest = Math.max(highest, sequence);
        }

        private void writeTo(final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, highest);
            buffer.putLong(offset + Long.BYTES, lastHeard);
            int at = offset + 2 * Long.BYTES;
            for (int i = 0; i < WINDOW; i++)
            {
                buffer.putLong(at, sequences[i]);
                buffer.putLong(at + Long.BYTES, values[i]);
                buffer.putInt(at + 2 * Long.BYTES, outcomes[i]);
                at += Long.BYTES * 2 + Integer.BYTES;
            }
        }

        private void readFrom(final DirectBuffer buffer, final int offset)
        {
            highest = buffer.getLong(offset);
            lastHeard = buffer.getLong(offset + Long.BYTES);
            int at = offset + 2 * Long.BYTES;
            for (int i = 0; i < WINDOW; i++)
            {
                sequences[i] = buffer.getLong(at);
                values[i] = buffer.getLong(at + Long.BYTES);
                outcomes[i] = buffer.getInt(at + 2 * Long.BYTES);
                at += Long.BYTES * 2 + Integer.BYTES;
            }
        }
    }
}
