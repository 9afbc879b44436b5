package dev.timeline.cli;

import dev.timeline.engine.Tweet;

import java.io.PrintWriter;
import java.util.List;

/** Answers each shell line in words, for a person at a terminal. */
final class TextShellReply implements ShellReply
{
    private final PrintWriter out;

    TextShellReply(final PrintWriter out)
    {
        this.out = out;
    }

    @Override
    public void ok()
    {
        out.println("ok");
    }

    @Override
    public void posted(final long id)
    {
        out.println("posted " + id);
    }

    @Override
    public void tweets(final List<Tweet> tweets)
    {
        if (tweets.isEmpty())
        {
            out.println("(no tweets)");
        }
        for (final Tweet tweet : tweets)
        {
            out.println(tweet.time() + "  @" + tweet.author() + ": " + tweet.text() + "   [" + tweet.id() + "]");
        }
    }

    @Override
    public void help(final List<String> commands)
    {
        commands.forEach(out::println);
    }

    @Override
    public void error(final String message)
    {
        out.println("error: " + message);
    }
}
