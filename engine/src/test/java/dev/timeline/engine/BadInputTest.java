package dev.timeline.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every invalid argument of every call is refused with a message naming it, and changes nothing. */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputTest
{
    private static final long ALICE = 4242;
    private static final long BOB = Long.MAX_VALUE;
    private static final long CAROL = 0;
    private static final String EMOJI = new String(Character.toChars(0x1F600));

    @TempDir
    private Path dataDirectory;
    private TimelineEngine engine;
    private long liveId;
    private long deletedId;

    @BeforeEach
    void open()
    {
        engine = TimelineEngine.open(new EngineConfig().dataDirectory(dataDirectory).timelineCapacity(2));
        engine.follow(ALICE, BOB);
        engine.post(CAROL, "not followed");
        liveId = engine.post(BOB, "hello");
        engine.post(ALICE, "hi");
        deletedId = engine.post(BOB, "oops");
        engine.delete(deletedId);
    }

    @AfterEach
    void close()
    {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -4242, Long.MIN_VALUE})
    void negativeUserIds(final long user)
    {
        final String value = Long.toString(user);
        assertAll(
            () -> refused(IllegalArgumentException.class, value, () -> engine.follow(user, BOB)),
            () -> refused(IllegalArgumentException.class, value, () -> engine.follow(ALICE, user)),
            () -> refused(IllegalArgumentException.class, value, () -> engine.unfollow(user, BOB)),
            () -> refused(IllegalArgumentException.class, value, () -> engine.unfollow(ALICE, user)),
            () -> refused(IllegalArgumentException.class, value, joined(() -> engine.followAsync(user, BOB))),
            () -> refused(IllegalArgumentException.class, value, joined(() -> engine.unfollowAsync(ALICE, user))),
            () -> refused(IllegalArgumentException.class, value, () -> engine.post(user, "text")),
            () -> refused(IllegalArgumentException.class, value, joined(() -> engine.postAsync(user, "text"))),
            () -> refusedByEveryRead(IllegalArgumentException.class, value, user, 10));
    }

    @Test
    void selfFollow()
    {
        final String value = Long.toString(ALICE);
        assertAll(
            () -> refused(IllegalArgumentException.class, value, () -> engine.follow(ALICE, ALICE)),
            () -> refused(IllegalArgumentException.class, value, () -> engine.unfollow(ALICE, ALICE)),
            () -> refused(IllegalArgumentException.class, value, joined(() -> engine.followAsync(ALICE, ALICE))),
            () -> refused(IllegalArgumentException.class, value, joined(() -> engine.unfollowAsync(ALICE, ALICE))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "\uD83D", "\uDE00", "lone \uD83D high", "lone \uDE00 low", "reversed \uDE00\uD83D pair", "end \uD83D"})
    void malformedTexts(final String text)
    {
        assertAll(
            () -> refused(IllegalArgumentException.class, "text", () -> engine.post(ALICE, text)),
            () -> refused(IllegalArgumentException.class, "text", joined(() -> engine.postAsync(ALICE, text))));
    }

    @Test
    void textsOneCodePointTooLong()
    {
        final String ascii = "x".repeat(Limits.MAX_TEXT_CODE_POINTS + 1);
        final String astral = EMOJI.repeat(Limits.MAX_TEXT_CODE_POINTS + 1);
        assertAll(
            () -> refused(IllegalArgumentException.class, "281", () -> engine.post(ALICE, ascii)),
            () -> refused(IllegalArgumentException.class, "281", () -> engine.post(ALICE, astral)),
            () -> refused(IllegalArgumentException.class, "281", joined(() -> engine.postAsync(ALICE, astral))));
    }

    @Test
    void nullText()
    {
        refused("text", () -> engine.post(ALICE, null), List.of(NullPointerException.class, IllegalArgumentException.class));
    }

    @Test
    void textsAtTheBoundsAreKeptExactly()
    {
        final List<String> texts = List.of(
            " ", "\t", "\0", " \t padded \t ", EMOJI, "x".repeat(Limits.MAX_TEXT_CODE_POINTS),
            EMOJI.repeat(Limits.MAX_TEXT_CODE_POINTS), "e\u0301\u200D\uFEFF\uFFFF" + new String(Character.toChars(0x10FFFF)));
        final TimelineBuffer buffer = new TimelineBuffer();
        final List<String> kept = new ArrayList<>();
        final List<String> keptInBuffer = new ArrayList<>();
        for (final String text : texts)
        {
            final long id = engine.post(ALICE, text);
            kept.add(engine.tweets(ALICE, 1, id + 1).get(0).text());
            engine.home(ALICE, 1, id + 1, buffer);
            keptInBuffer.add(buffer.text(0));
        }
        assertEquals(texts, kept);
        assertEquals(texts, keptInBuffer);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Limits.MAX_LIMIT + 1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void limitsOutOfRange(final int limit)
    {
        refusedByEveryRead(IllegalArgumentException.class, "limit", ALICE, limit);
        refusedByEveryRead(IllegalArgumentException.class, Integer.toString(limit), ALICE, limit);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void negativeBefore(final long before)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        assertAll(
            () -> refused(IllegalArgumentException.class, "before", () -> engine.home(ALICE, 10, before)),
            () -> refused(IllegalArgumentException.class, "before", () -> engine.home(ALICE, 10, before, buffer)),
            () -> refused(IllegalArgumentException.class, "before", () -> engine.tweets(ALICE, 10, before)),
            () -> refused(IllegalArgumentException.class, "before", () -> engine.tweets(ALICE, 10, before, buffer)));
    }

    @Test
    void nullBuffer()
    {
        assertAll(
            () -> refused(NullPointerException.class, "", () -> engine.home(ALICE, 10, Long.MAX_VALUE, null)),
            () -> refused(NullPointerException.class, "", () -> engine.tweets(ALICE, 10, Long.MAX_VALUE, null)));
    }

    @Test
    void deletesOfTweetsNotHeld()
    {
        final long neverPosted = deletedId + 1;
        assertAll(
            () -> refused(TweetNotFoundException.class, Long.toString(deletedId), () -> engine.delete(deletedId)),
            () -> refused(TweetNotFoundException.class, Long.toString(neverPosted), () -> engine.delete(neverPosted)),
            () -> refused(TweetNotFoundException.class, "0", () -> engine.delete(0)),
            () -> refused(TweetNotFoundException.class, Long.toString(Long.MAX_VALUE), () -> engine.delete(Long.MAX_VALUE)),
            () -> refused(TweetNotFoundException.class, Long.toString(deletedId), joined(() -> engine.deleteAsync(deletedId))));
    }

    @Test
    void deleteOfNegativeId()
    {
        refused("-5", () -> engine.delete(-5), List.of(TweetNotFoundException.class, IllegalArgumentException.class));
    }

    @Test
    void everyCallAfterClose()
    {
        final State before = state();
        engine.close();
        engine.close();
        final String closed = "closed";
        assertAll(
            () -> assertMentions(assertThrows(EngineClosedException.class, () -> engine.follow(ALICE, CAROL)), closed),
            () -> assertThrows(EngineClosedException.class, () -> engine.unfollow(ALICE, BOB)),
            () -> assertThrows(EngineClosedException.class, () -> engine.post(ALICE, "late")),
            () -> assertThrows(EngineClosedException.class, () -> engine.delete(liveId)),
            () -> assertThrows(EngineClosedException.class, joined(() -> engine.followAsync(ALICE, CAROL))),
            () -> assertThrows(EngineClosedException.class, joined(() -> engine.unfollowAsync(ALICE, BOB))),
            () -> assertThrows(EngineClosedException.class, joined(() -> engine.postAsync(ALICE, "late"))),
            () -> assertThrows(EngineClosedException.class, joined(() -> engine.deleteAsync(liveId))),
            () -> assertThrows(EngineClosedException.class, () -> engine.home(ALICE, 10)),
            () -> assertThrows(EngineClosedException.class, () -> engine.tweets(ALICE, 10, Long.MAX_VALUE)),
            () -> assertThrows(
                EngineClosedException.class, () -> engine.home(ALICE, 10, Long.MAX_VALUE, new TimelineBuffer())));
        engine = TimelineEngine.open(new EngineConfig().dataDirectory(dataDirectory).timelineCapacity(2));
        assertEquals(before, state());
    }

    @Test
    void invalidConfigurations()
    {
        assertAll(
            () -> refusedConfig("dataDirectory", new EngineConfig()),
            () -> refusedConfig("timelineCapacity", config().timelineCapacity(0)),
            () -> refusedConfig("timelineCapacity", config().timelineCapacity(EngineConfig.MAX_TIMELINE_CAPACITY + 1)),
            () -> refusedConfig("celebrityThreshold", config().celebrityThreshold(0)),
            () -> refusedConfig("inboxBytes", config().inboxBytes(EngineConfig.MIN_INBOX_BYTES / 2)),
            () -> refusedConfig("inboxBytes", config().inboxBytes(5000)),
            () -> refusedConfig("maxInFlight", config().maxInFlight(0)),
            () -> refusedConfig("snapshotInterval", config().snapshotInterval(-1)),
            () -> refusedConfig("writeTimeout", config().writeTimeout(Duration.ZERO)),
            () -> refusedConfig("spinBeforePark", config().spinBeforePark(Duration.ofNanos(-1))));
    }

    private EngineConfig config()
    {
        return new EngineConfig().dataDirectory(dataDirectory.resolve("other"));
    }

    private static void refusedConfig(final String setting, final EngineConfig config)
    {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> TimelineEngine.open(config)), setting);
    }

    private void refusedByEveryRead(
        final Class<? extends Throwable> type, final String mentions, final long user, final int limit)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        assertAll(
            () -> refused(type, mentions, () -> engine.home(user, limit)),
            () -> refused(type, mentions, () -> engine.home(user, limit, Long.MAX_VALUE)),
            () -> refused(type, mentions, () -> engine.home(user, limit, liveId, buffer)),
            () -> refused(type, mentions, () -> engine.tweets(user, limit)),
            () -> refused(type, mentions, () -> engine.tweets(user, limit, Long.MAX_VALUE)),
            () -> refused(type, mentions, () -> engine.tweets(user, limit, liveId, buffer)));
    }

    private void refused(final Class<? extends Throwable> type, final String mentions, final Executable call)
    {
        refused(mentions, call, List.of(type));
    }

    private void refused(final String mentions, final Executable call, final List<Class<? extends Throwable>> types)
    {
        final State before = state();
        final Throwable thrown = assertThrows(Throwable.class, call);
        assertTrue(types.stream().anyMatch(type -> type.isInstance(thrown)), thrown + " is not one of " + types);
        assertMentions(thrown, mentions);
        assertEquals(before, state(), "a refused call changed the state");
    }

    private static void assertMentions(final Throwable thrown, final String mentions)
    {
        final String message = thrown.getMessage();
        assertTrue(message != null && message.contains(mentions), thrown + " does not mention '" + mentions + "'");
    }

    /** A call of an async variant, which may refuse at once or through its future. */
    private static Executable joined(final Supplier<CompletableFuture<?>> call)
    {
        return () ->
        {
            try
            {
                call.get().join();
            }
            catch (final CompletionException ex)
            {
                throw ex.getCause();
            }
        };
    }

    /** Everything a refused call could have changed, as the reads and the counts show it. */
    private State state()
    {
        final List<List<Tweet>> reads = new ArrayList<>();
        for (final long user : new long[]{ALICE, BOB, CAROL})
        {
            reads.add(engine.home(user, Limits.MAX_LIMIT));
            reads.add(engine.tweets(user, Limits.MAX_LIMIT));
        }
        final EngineStats stats = engine.stats();
        return new State(reads, stats.users(), stats.follows(), stats.tweets(), stats.deletedTweets(), stats.celebrities());
    }

    private record State(List<List<Tweet>> reads, long users, long follows, long tweets, long deletedTweets, long celebrities)
    {
    }
}
