/**
 * The journal of engine commands: a binary event format (layout descriptors, flyweight encoder and decoder over
 * Agrona buffers) and an append-only, checksummed, crash-safe journal on Chronicle Queue with replay and tailing.
 */
package dev.timeline.journal;
