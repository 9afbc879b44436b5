package dev.timeline.engine.model;

import dev.timeline.engine.Limits;
import dev.timeline.engine.Tweet;
import dev.timeline.engine.TweetIds;
import dev.timeline.engine.TweetNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * The contract of the timeline engine, written as plainly as possible: a follow graph, every live
 * tweet by id, and reads that are the pull query, literally. Slow (every read scans all tweets) and
 * obviously right; the engine is compared against it read by read.
 * <p>
 * Ids come from the engine: {@link #post} only checks that they go up.
 */
public final class ReferenceTimelines
{
    private final Map<Long, Set<Long>> following = new HashMap<>();
    private final NavigableMap<Long, Tweet> liveTweets = new TreeMap<>();
    private final Set<Long> deletedIds = new HashSet<>();
    private long lastId;

    public void follow(final long follower, final long followee)
    {
        checkPair(follower, followee);
        following.computeIfAbsent(follower, ignore -> new HashSet<>()).add(followee);
    }

    public void unfollow(final long follower, final long followee)
    {
        checkPair(follower, followee);
        final Set<Long> followed = following.get(follower);
        if (followed != null)
        {
            followed.remove(followee);
        }
    }

    /**
     * Records a tweet the engine acknowledged with {@code id}.
     *
     * @return {@code id}.
     * @throws IllegalArgumentException for an invalid author or text, as the engine must.
     * @throws IllegalStateException    if {@code id} is not above every id posted before.
     */
    public long post(final long id, final long author, final String text)
    {
        checkUser(author, "author");
        checkText(text);
        if (id <= lastId)
        {
            throw new IllegalStateException("tweet id " + id + " is not above the previous id " + lastId);
        }
        lastId = id;
        liveTweets.put(id, new Tweet(id, author, text, Instant.ofEpochMilli(TweetIds.timeMillis(id))));
        return id;
    }

    public void delete(final long tweetId)
    {
        if (tweetId < 0)
        {
            throw new IllegalArgumentException("tweet id must not be negative, was " + tweetId);
        }
        if (liveTweets.remove(tweetId) == null)
        {
            throw new TweetNotFoundException("no tweet " + tweetId);
        }
        deletedIds.add(tweetId);
    }

    /** The {@code limit} newest live tweets below {@code before} by {@code user} or by an account it follows now. */
    public List<Tweet> home(final long user, final int limit, final long before)
    {
        checkRead(user, limit);
        final Set<Long> followed = following.getOrDefault(user, Set.of());
        return newest(limit, before, author -> author == user || followed.contains(author));
    }

    /** The {@code limit} newest live tweets below {@code before} by {@code user}. */
    public List<Tweet> tweets(final long user, final int limit, final long before)
    {
        checkRead(user, limit);
        return newest(limit, before, author -> author == user);
    }

    public boolean follows(final long follower, final long followee)
    {
        return following.getOrDefault(follower, Set.of()).contains(followee);
    }

    public long followCount()
    {
        return following.values().stream().mapToLong(Set::size).sum();
    }

    public long liveTweetCount()
    {
        return liveTweets.size();
    }

    public long deletedTweetCount()
    {
        return deletedIds.size();
    }

    /** The highest id posted, or 0 before the first post. */
    public long lastId()
    {
        return lastId;
    }

    public boolean isLive(final long tweetId)
    {
        return liveTweets.containsKey(tweetId);
    }

    /** A live tweet chosen uniformly, or {@code null} when there is none. */
    public Tweet anyLiveTweet(final Random random)
    {
        if (liveTweets.isEmpty())
        {
            return null;
        }
        return new ArrayList<>(liveTweets.values()).get(random.nextInt(liveTweets.size()));
    }

    /** A follow edge chosen uniformly, as {@code {follower, followee}}, or {@code null} when there is none. */
    public long[] anyEdge(final Random random)
    {
        final List<long[]> edges = new ArrayList<>();
        following.forEach((follower, followees) -> followees.forEach(followee -> edges.add(new long[]{follower, followee})));
        return edges.isEmpty() ? null : edges.get(random.nextInt(edges.size()));
    }

    /** A deleted tweet id chosen uniformly, or 0 when none was deleted. */
    public long anyDeletedId(final Random random)
    {
        return deletedIds.stream().skip(random.nextInt(Math.max(1, deletedIds.size()))).findFirst().orElse(0L);
    }

    private List<Tweet> newest(final int limit, final long before, final LongPredicate authors)
    {
        final List<Tweet> result = new ArrayList<>();
        for (final Tweet tweet : liveTweets.headMap(before, false).descendingMap().values())
        {
            if (result.size() == limit)
            {
                break;
            }
            if (authors.test(tweet.author()))
            {
                result.add(tweet);
            }
        }
        return result;
    }

    private static void checkPair(final long follower, final long followee)
    {
        checkUser(follower, "follower");
        checkUser(followee, "followee");
        if (follower == followee)
        {
            throw new IllegalArgumentException("user " + follower + " cannot follow itself");
        }
    }

    private static void checkRead(final long user, final int limit)
    {
        checkUser(user, "user");
        if (limit < 1 || limit > Limits.MAX_LIMIT)
        {
            throw new IllegalArgumentException("limit must be 1.." + Limits.MAX_LIMIT + ", was " + limit);
        }
    }

    private static void checkUser(final long user, final String role)
    {
        if (user < 0)
        {
            throw new IllegalArgumentException(role + " id must not be negative, was " + user);
        }
    }

    private static void checkText(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            final boolean pairStart = Character.isHighSurrogate(c) &&
                i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairStart)
            {
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                throw new IllegalArgumentException("text has a lone surrogate at index " + i);
            }
        }
        final int codePoints = text.codePointCount(0, text.length());
        if (codePoints < 1 || codePoints > Limits.MAX_TEXT_CODE_POINTS)
        {
            throw new IllegalArgumentException(
                "text must be 1.." + Limits.MAX_TEXT_CODE_POINTS + " code points, was " + codePoints);
        }
    }
}
