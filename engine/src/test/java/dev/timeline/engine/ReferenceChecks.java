package dev.timeline.engine;

import dev.timeline.engine.model.ReferenceTimelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions that an engine, at rest, holds what the reference holds. */
final class ReferenceChecks
{
    private ReferenceChecks()
    {
    }

    /** The whole home timeline and the whole list of tweets of {@code user} are the reference's. */
    static void assertSameTimelines(
        final ReferenceTimelines reference, final TimelineEngine engine, final long user, final String where)
    {
        assertEquals(
            Pages.all((limit, before) -> reference.home(user, limit, before)),
            Pages.all((limit, before) -> engine.home(user, limit, before)),
            where + ": home of " + user);
        assertEquals(
            Pages.all((limit, before) -> reference.tweets(user, limit, before)),
            Pages.all((limit, before) -> engine.tweets(user, limit, before)),
            where + ": tweets of " + user);
    }

    /** The engine counts the follow edges, live tweets and deleted tweets the reference holds. */
    static void assertSameCounts(final ReferenceTimelines reference, final TimelineEngine engine, final String where)
    {
        final EngineStats stats = engine.stats();
        assertEquals(reference.followCount(), stats.follows(), where + ": follow edges in " + stats);
        assertEquals(reference.liveTweetCount(), stats.tweets(), where + ": live tweets in " + stats);
        assertEquals(reference.deletedTweetCount(), stats.deletedTweets(), where + ": deleted tweets in " + stats);
    }
}
