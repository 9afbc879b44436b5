package dev.timeline.cluster;

import dev.timeline.engine.state.Outcomes;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dedup state every member keeps: what it remembers of each client's writes, and for how long. */
class ClientSessionsTest
{
    private static final long CLIENT = 42;
    private static final long OTHER = 43;

    @Test
    void aWriteSentAgainIsAnsweredWithItsFirstOutcome()
    {
        final ClientSessions sessions = new ClientSessions();
        sessions.client(CLIENT, 0).answer(7, Outcomes.OK, 1234);
        final ClientSessions.Client client = sessions.client(CLIENT, 1);
        assertTrue(client.answered(7));
        assertEquals(1234, client.value(7));
        assertFalse(client.answered(8));
        assertFalse(sessions.client(OTHER, 1).answered(7), "each client has its own sequences");
    }

    @Test
    void aWriteOlderThanTheWindowIsNotTakenForNew()
    {
        final ClientSessions.Client client = new ClientSessions().client(CLIENT, 0);
        client.answer(ClientSessions.WINDOW + 1, Outcomes.OK, 1);
        assertTrue(client.expired(1), "its slot was reused: it cannot be told apart from a new write");
        assertFalse(client.expired(2));
    }

    @Test
    void aClientNotHeardFromForTheRetentionIsForgottenAlikeEverywhere()
    {
        final ClientSessions sessions = new ClientSessions();
        sessions.client(CLIENT, 0).answer(1, Outcomes.OK, 1);
        final long later = TimeUnit.MINUTES.toMillis(30);
        sessions.client(OTHER, later).answer(1, Outcomes.OK, 1);

        sessions.client(OTHER, ClientSessions.RETENTION_MS);
        assertEquals(2, sessions.size(), "remembered for the whole retention");

        sessions.client(OTHER, ClientSessions.RETENTION_MS + TimeUnit.MINUTES.toMillis(2));
        assertEquals(1, sessions.size());
        assertTrue(sessions.client(OTHER, ClientSessions.RETENTION_MS + later).answered(1), "the one heard from stays");
        assertTrue(ClientSessions.RESEND_LIMIT_MS < ClientSessions.RETENTION_MS / 2,
            "a client stops sending a write again long before the cluster could forget it");
    }

    @Test
    void aSnapshotHoldsTheSameBytesOnEveryMemberAndLoadsBack()
    {
        final ClientSessions first = new ClientSessions();
        final ClientSessions second = new ClientSessions();
        first.client(CLIENT, 5).answer(3, Outcomes.INVALID, 0);
        first.client(OTHER, 5).answer(4, Outcomes.OK, 99);
        second.client(OTHER, 5).answer(4, Outcomes.OK, 99);
        second.client(CLIENT, 5).answer(3, Outcomes.INVALID, 0);
        final byte[] bytes = encode(first);
        assertArrayEquals(bytes, encode(second), "clients met in another order at the same time write the same snapshot");

        final ClientSessions loaded = new ClientSessions();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(bytes.length);
        buffer.putBytes(0, bytes);
        loaded.readFrom(buffer, 0);
        assertArrayEquals(bytes, encode(loaded));
        assertEquals(Outcomes.INVALID, loaded.client(CLIENT, 7).outcome(3));
        assertEquals(99, loaded.client(OTHER, 7).value(4));
    }

    private static byte[] encode(final ClientSessions sessions)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(sessions.encodedLength());
        sessions.writeTo(buffer, 0);
        final byte[] bytes = new byte[sessions.encodedLength()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
