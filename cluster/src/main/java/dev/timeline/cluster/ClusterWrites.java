package dev.timeline.cluster;

import dev.timeline.engine.Timelines;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.TweetText;

import java.util.concurrent.CompletableFuture;

import static dev.timeline.engine.state.CommandChecks.checkPair;
import static dev.timeline.engine.state.CommandChecks.checkTweetId;
import static dev.timeline.engine.state.CommandChecks.checkUser;

/**
 * The writes of the engine's API through a cluster, the same for a node and a client: each checked
 * as the embedded engine checks it, sent through {@link ClusterCommands}, and answered once the
 * cluster committed it and, for a node, this member applied it.
 */
abstract class ClusterWrites implements Timelines
{
    final ClusterCommands commands;

    ClusterWrites(final ClusterCommands commands)
    {
        this.commands = commands;
    }

    @Override
    public void follow(final long follower, final long followee)
    {
        checkPair(follower, followee, "follow");
        await(commands.submit(IngressLayout.FOLLOW, follower, followee, null));
    }

    @Override
    public void unfollow(final long follower, final long followee)
    {
        checkPair(follower, followee, "unfollow");
        await(commands.submit(IngressLayout.UNFOLLOW, follower, followee, null));
    }

    @Override
    public long post(final long author, final CharSequence text)
    {
        checkUser(author, "author");
        return await(commands.post(author, text, TweetText.utf8Length(text), null));
    }

    @Override
    public void delete(final long tweetId)
    {
        checkTweetId(tweetId);
        await(commands.submit(IngressLayout.DELETE, tweetId, 0, null));
    }

    @Override
    public CompletableFuture<Void> followAsync(final long follower, final long followee)
    {
        checkPair(follower, followee, "follow");
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.submit(IngressLayout.FOLLOW, follower, followee, future));
        return future;
    }

    @Override
    public CompletableFuture<Void> unfollowAsync(final long follower, final long followee)
    {
        checkPair(follower, followee, "unfollow");
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.submit(IngressLayout.UNFOLLOW, follower, followee, future));
        return future;
    }

    @Override
    public CompletableFuture<Long> postAsync(final long author, final CharSequence text)
    {
        checkUser(author, "author");
        final int length = TweetText.utf8Length(text);
        final CompletableFuture<Long> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.post(author, text, length, future));
        return future;
    }

    @Override
    public CompletableFuture<Void> deleteAsync(final long tweetId)
    {
        checkTweetId(tweetId);
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.submit(IngressLayout.DELETE, tweetId, 0, future));
        return future;
    }

    /** Waits for the answer in {@code slot}: the tweet id of a post. */
    long await(final int slot)
    {
        return commands.await(slot);
    }
}
