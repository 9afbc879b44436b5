package dev.timeline.engine;

import dev.timeline.engine.model.ReferenceTimelines;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * One write of the crash workload, as the child JVM submits it and prints it, and as the parent
 * replays it on the reference: {@code kind first second base64(text)} on one ASCII line.
 *
 * @param kind   what the write does.
 * @param first  the author of a post, the follower of a follow or unfollow, the tweet id of a delete.
 * @param second the followee of a follow or unfollow, else 0.
 * @param text   the text of a post, else empty.
 */
record Write(Kind kind, long first, long second, String text)
{
    enum Kind
    {
        POST, FOLLOW, UNFOLLOW, DELETE
    }

    static Write post(final long author, final String text)
    {
        return new Write(Kind.POST, author, 0, text);
    }

    static Write delete(final long tweetId)
    {
        return new Write(Kind.DELETE, tweetId, 0, "");
    }

    static Write decode(final String line)
    {
        final String[] fields = line.split(" ", 4);
        return new Write(
            Kind.valueOf(fields[0]),
            Long.parseLong(fields[1]),
            Long.parseLong(fields[2]),
            new String(Base64.getDecoder().decode(fields[3]), StandardCharsets.UTF_8));
    }

    String encode()
    {
        final String encodedText = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return kind + " " + first + " " + second + " " + encodedText;
    }

    /** Submits this write without waiting; the future gives the new tweet id of a post, else 0. */
    CompletableFuture<Long> submit(final TimelineEngine engine)
    {
        switch (kind)
        {
            case POST:
                return engine.postAsync(first, text);
            case FOLLOW:
                return engine.followAsync(first, second).thenApply(ignore -> 0L);
            case UNFOLLOW:
                return engine.unfollowAsync(first, second).thenApply(ignore -> 0L);
            default:
                return engine.deleteAsync(first).thenApply(ignore -> 0L);
        }
    }

    /** Replays this write, acknowledged with {@code result} (a post's tweet id), on the reference. */
    void replay(final ReferenceTimelines reference, final long result)
    {
        switch (kind)
        {
            case POST:
                reference.post(result, first, text);
                break;
            case FOLLOW:
                reference.follow(first, second);
                break;
            case UNFOLLOW:
                reference.unfollow(first, second);
                break;
            default:
                reference.delete(first);
                break;
        }
    }
}
