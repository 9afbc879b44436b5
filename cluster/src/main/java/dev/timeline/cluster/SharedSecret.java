package dev.timeline.cluster;

import io.aeron.security.Authenticator;
import io.aeron.security.CredentialsSupplier;
import io.aeron.security.SessionProxy;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The secret a cluster's members and clients share: a client is let in only if it presents it.
 * Read once from a file or the environment and never written anywhere, not even in a message.
 */
public final class SharedSecret
{
    /** The environment variable a secret may come from. */
    public static final String ENVIRONMENT = "TIMELINE_CLUSTER_SECRET";
    private static final byte[] PRINCIPAL = "timeline".getBytes(StandardCharsets.US_ASCII);

    private final byte[] secret;

    private SharedSecret(final byte[] secret)
    {
        if (secret.length == 0)
        {
            throw new IllegalArgumentException("the cluster secret is empty");
        }
        this.secret = secret;
    }

    /** The secret {@code secret}, as its UTF-8 bytes. */
    public static SharedSecret of(final String secret)
    {
        return new SharedSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The secret in {@code file}, its content without a final line end.
     *
     * @throws IllegalArgumentException if the file cannot be read or is empty.
     */
    public static SharedSecret fromFile(final Path file)
    {
        try
        {
            return of(Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read the cluster secret from " + file + ": " + ex.getMessage());
        }
    }

    /** The secret in the environment variable {@link #ENVIRONMENT}, or null if it is not set. */
    public static SharedSecret fromEnvironment()
    {
        final String secret = System.getenv(ENVIRONMENT);
        return secret == null || secret.isEmpty() ? null : of(secret);
    }

    /** What a member checks clients with: only a connect request carrying the secret is let in. */
    Authenticator authenticator()
    {
        return new Authenticator()
        {
            private final Long2ObjectHashMap<Boolean> verdicts = new Long2ObjectHashMap<>();

            @Override
            public void onConnectRequest(final long sessionId, final byte[] credentials, final long nowMs)
            {
                verdicts.put(sessionId, Boolean.valueOf(MessageDigest.isEqual(secret, credentials)));
            }

            @Override
            public void onChallengeResponse(final long sessionId, final byte[] credentials, final long nowMs)
            {
            }

            @Override
            public void onConnectedSession(final SessionProxy session, final long nowMs)
            {
                if (Boolean.TRUE.equals(verdicts.remove(session.sessionId())))
                {
                    session.authenticate(PRINCIPAL);
                }
                else
                {
                    session.reject();
                }
            }

            @Override
            public void onChallengedSession(final SessionProxy session, final long nowMs)
            {
                verdicts.remove(session.sessionId());
                session.reject();
            }
        };
    }

    /** What a client presents. */
    CredentialsSupplier credentials()
    {
        return new CredentialsSupplier()
        {
            @Override
            public byte[] encodedCredentials()
            {
                return secret.clone();
            }

            @Override
            public byte[] onChallenge(final byte[] encodedChallenge)
            {
                return secret.clone();
            }
        };
    }

    @Override
    public String toString()
    {
        return "SharedSecret[" + secret.length + " bytes]";
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof SharedSecret that && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(secret);
    }
}
