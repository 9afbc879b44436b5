/**
 * The home-timeline engine embedded in the caller's process.
 * <p>
 * <b>The API</b>, for applications: {@link dev.timeline.engine.TimelineEngine}, configured by
 * {@link dev.timeline.engine.EngineConfig} ({@link dev.timeline.engine.Strategy},
 * {@link dev.timeline.engine.SyncMode}); reads fill a {@link dev.timeline.engine.TimelineBuffer}
 * (texts copied) or a {@link dev.timeline.engine.TimelineView} (texts viewed in place), or return
 * {@link dev.timeline.engine.Tweet}s; the contract's bounds are
 * {@link dev.timeline.engine.Limits} and ids are read with {@link dev.timeline.engine.TweetIds};
 * {@link dev.timeline.engine.EngineStats} and {@link dev.timeline.engine.RecoveryReport} describe an
 * engine; {@link dev.timeline.engine.TimelineException} and its subclasses are what a call refuses
 * with.
 * <p>
 * <b>The callers' side</b>, any thread: {@code CommandProxy} encodes commands ({@code CommandLayout})
 * into a partition's inbox and waits on an acknowledgement slot
 * ({@link dev.timeline.engine.state.AckSlots}, which turns the writer's
 * {@link dev.timeline.engine.state.Outcomes} into return values and exceptions); reads are counted in
 * {@link dev.timeline.engine.status.CallerCounts}.
 * <p>
 * <b>The writers</b>, one thread per {@code Partition}: {@code PartitionWriter}, built from a
 * {@code WriterContext}, journals each command and applies it to the partition's state machine
 * ({@link dev.timeline.engine.state}), then acknowledges the batch ({@code PendingAcks}). Posts take
 * ids from the shared {@code IdClock} through {@code BatchIds} and reach the other partitions
 * through {@code DeliveryInboxes}, a batch's in one {@code DeliveryBatch} message ({@code DeliveryLayout});
 * {@code SendProgress} and the watermark say how far every partition has them. A
 * {@link dev.timeline.engine.status.PartitionCounters} publishes a writer's counts.
 * <p>
 * <b>The data directory</b>: {@code DataDirectory} owns its files and lock; {@code Snapshots} keeps a
 * partition's numbered snapshots, taken by every partition at once in {@code SnapshotRounds};
 * {@code EngineRecovery} loads them and replays each partition's journal with {@code JournalReplay}.
 */
package dev.timeline.engine;
