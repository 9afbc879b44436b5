package dev.timeline.cli;

import java.util.concurrent.CompletableFuture;

/** The two requests of a load, as one sending thread makes them. */
interface LoadRequests
{
    /** Reads a home timeline; returns with the answer. */
    void read();

    /** Submits a post and returns at once; the future completes when the post is durable, or failed. */
    CompletableFuture<?> post();
}
