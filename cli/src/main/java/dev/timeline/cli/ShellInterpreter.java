package dev.timeline.cli;

import dev.timeline.engine.Limits;
import dev.timeline.engine.TimelineException;
import dev.timeline.engine.Timelines;
import dev.timeline.engine.Tweet;

import java.util.List;

/**
 * Carries out one shell line against any {@link Timelines} (an engine, a member of a cluster or a
 * client of one) and answers it through a {@link ShellReply}.
 * <p>
 * Words are separated by spaces or tabs, except that {@code post}'s text is the rest of the line after
 * the one space or tab that follows the author, kept exactly. An invalid line is answered with an
 * error and changes nothing.
 */
final class ShellInterpreter
{
    /** Reads return this many tweets when no limit is given. */
    static final int DEFAULT_LIMIT = 20;

    static final List<String> COMMANDS = List.of(
        "follow A B                 user A follows user B",
        "unfollow A B               user A stops following user B",
        "post A TEXT                user A posts TEXT, the rest of the line; answers the tweet id",
        "delete ID                  deletes tweet ID",
        "home U [LIMIT [BEFORE]]    U's home timeline, newest first: LIMIT 1.." + Limits.MAX_LIMIT +
            " (default " + DEFAULT_LIMIT + "), only ids below BEFORE",
        "tweets U [LIMIT [BEFORE]]  U's own tweets, newest first",
        "sync                       a cluster member only: waits until it applied every write committed before",
        "help                       this list",
        "quit                       close the engine, member or client and leave; so does the end of the input");

    private final Timelines timelines;
    private final Runnable sync;

    /** An interpreter for {@code timelines}, on which {@code sync} is an error. */
    ShellInterpreter(final Timelines timelines)
    {
        this(timelines, null);
    }

    /**
     * @param sync what {@code sync} does, such as {@link dev.timeline.cluster.TimelineNode#sync()}, or
     *             null when it has no meaning here.
     */
    ShellInterpreter(final Timelines timelines, final Runnable sync)
    {
        this.timelines = timelines;
        this.sync = sync;
    }

    /**
     * Carries out {@code line} and answers it with exactly one call on {@code reply}, unless it is {@code quit}.
     *
     * @return false when the line asks to quit.
     */
    boolean execute(final String line, final ShellReply reply)
    {
        final int verbEnd = wordEnd(line, wordStart(line, 0));
        final String verb = line.substring(wordStart(line, 0), verbEnd);
        if ("quit".equals(verb) || "exit".equals(verb))
        {
            return false;
        }
        try
        {
            if ("post".equals(verb))
            {
                post(line, verbEnd, reply);
            }
            else
            {
                execute(verb, words(line.substring(verbEnd)), reply);
            }
        }
        catch (final IllegalArgumentException | TimelineException ex)
        {
            reply.error(ex.getMessage());
        }
        return true;
    }

    private void execute(final String verb, final String[] args, final ShellReply reply)
    {
        switch (verb)
        {
            case "follow":
                expect(args, 2, 2, "follow A B");
                timelines.follow(number(args[0], "A"), number(args[1], "B"));
                reply.ok();
                break;
            case "unfollow":
                expect(args, 2, 2, "unfollow A B");
                timelines.unfollow(number(args[0], "A"), number(args[1], "B"));
                reply.ok();
                break;
            case "delete":
                expect(args, 1, 1, "delete ID");
                timelines.delete(number(args[0], "ID"));
                reply.ok();
                break;
            case "home":
                reply.tweets(read(timelines::home, args, "home U [LIMIT [BEFORE]]"));
                break;
            case "tweets":
                reply.tweets(read(timelines::tweets, args, "tweets U [LIMIT [BEFORE]]"));
                break;
            case "sync":
                expect(args, 0, 0, "sync");
                if (null == sync)
                {
                    throw new IllegalArgumentException("sync is for a cluster member: timeline node --shell");
                }
                sync.run();
                reply.ok();
                break;
            case "help":
                expect(args, 0, 0, "help");
                reply.help(COMMANDS);
                break;
            case "":
                throw new IllegalArgumentException("empty line: type 'help' for the commands");
            default:
                throw new IllegalArgumentException("unknown command '" + verb + "': type 'help' for the commands");
        }
    }

    private void post(final String line, final int verbEnd, final ShellReply reply)
    {
        final int authorStart = wordStart(line, verbEnd);
        final int authorEnd = wordEnd(line, authorStart);
        if (authorStart == authorEnd || authorEnd == line.length())
        {
            throw new IllegalArgumentException("usage: post A TEXT");
        }
        final long author = number(line.substring(authorStart, authorEnd), "A");
        reply.posted(timelines.post(author, line.substring(authorEnd + 1)));
    }

    private static List<Tweet> read(final TimelineRead read, final String[] args, final String usage)
    {
        expect(args, 1, 3, usage);
        final int limit = args.length > 1 ? limit(args[1]) : DEFAULT_LIMIT;
        final long before = args.length > 2 ? number(args[2], "BEFORE") : Long.MAX_VALUE;
        return read.read(number(args[0], "U"), limit, before);
    }

    private static void expect(final String[] args, final int min, final int max, final String usage)
    {
        if (args.length < min || args.length > max)
        {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }

    private static int limit(final String word)
    {
        final long limit = number(word, "LIMIT");
        if (limit < 1 || limit > Limits.MAX_LIMIT)
        {
            throw new IllegalArgumentException("LIMIT must be 1.." + Limits.MAX_LIMIT + ", was " + word);
        }
        return (int)limit;
    }

    private static long number(final String word, final String what)
    {
        try
        {
            final long value = Long.parseLong(word);
            if (value >= 0)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // not a number: reported below
        }
        throw new IllegalArgumentException(what + " must be a number in 0.." + Long.MAX_VALUE + ", was '" + word + "'");
    }

    private static String[] words(final String text)
    {
        final String trimmed = text.substring(wordStart(text, 0));
        return trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
    }

    private static int wordStart(final String text, final int from)
    {
        int i = from;
        while (i < text.length() && isSeparator(text.charAt(i)))
        {
            i++;
        }
        return i;
    }

    private static int wordEnd(final String text, final int from)
    {
        int i = from;
        while (i < text.length() && !isSeparator(text.charAt(i)))
        {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(final char c)
    {
        return c == ' ' || c == '\t';
    }

    /** A read of a timeline: {@link Timelines#home} or {@link Timelines#tweets}. */
    @FunctionalInterface
    private interface TimelineRead
    {
        List<Tweet> read(long user, int limit, long before);
    }
}
