package dev.timeline.cli;

import dev.timeline.engine.Tweet;

import java.util.List;

/** How the shell answers one input line: exactly one call per line. */
interface ShellReply
{
    /** A write was made durable. */
    void ok();

    /** A post was made durable with id {@code id}. */
    void posted(long id);

    /** The result of a read, newest first. */
    void tweets(List<Tweet> tweets);

    /** The commands the shell understands, one usage line each. */
    void help(List<String> commands);

    /** The line could not be carried out, and why. */
    void error(String message);
}
