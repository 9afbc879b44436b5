/**
 * The state of one partition and the deterministic state machine that changes it: shared by every
 * feeder of commands, the embedded engine's writer and journal replay and a replicated member's
 * service. Public for those feeders, not an application API: applications use
 * {@link dev.timeline.engine.TimelineEngine}.
 * <p>
 * The map:
 * <ul>
 *   <li><b>State and commands.</b> {@link dev.timeline.engine.state.PartitionState} holds the parts;
 *       {@link dev.timeline.engine.state.TimelineStateMachine} applies follow, unfollow, post,
 *       delete and deliveries from other partitions, with {@code Backfill}, {@code CelebritySwitch},
 *       {@code FollowerLists} and {@code PartitionLinks} doing one job each.</li>
 *   <li><b>Off-heap stores</b>, one layout class per structure: {@code TweetStore}
 *       ({@code TweetLayout}) and {@code TextLog} for tweets, {@code HomeTimelines}
 *       ({@code TimelineLayout}) in {@code BlockPool} blocks for timelines, all in
 *       {@code ChunkedMemory}; {@code Users}, {@code UserIndex} and {@code UserTable} for the graph
 *       and each user's seqlocked timeline header.</li>
 *   <li><b>Reads.</b> {@link dev.timeline.engine.state.TimelineReader} merges a timeline with
 *       {@code ReadScratch} and {@code RingView} into a {@link dev.timeline.engine.state.TweetList},
 *       lock-free, up to the {@link dev.timeline.engine.state.Watermark}: a
 *       {@link dev.timeline.engine.state.TweetPage} copies the texts, a
 *       {@link dev.timeline.engine.state.TweetViews} points at them in the {@code TextLog}.</li>
 *   <li><b>Snapshots.</b> {@link dev.timeline.engine.state.SnapshotFile} ({@code SnapshotLayout})
 *       through {@code StateSnapshot}, {@code SnapshotOutput}, {@code SnapshotInput} and
 *       {@code SnapshotMemoryLoad}.</li>
 *   <li><b>Routing and input.</b> {@link dev.timeline.engine.state.Partitioner} maps users and
 *       tweets to partitions; {@link dev.timeline.engine.state.CommandChecks} and
 *       {@link dev.timeline.engine.state.TweetText} check every command's arguments alike.</li>
 *   <li><b>Memory.</b> {@link dev.timeline.engine.state.OffHeapBudget} hands out every off-heap chunk
 *       within the engine's limit and the JVM's ({@link dev.timeline.engine.state.DirectMemory}).</li>
 *   <li><b>Answers.</b> {@link dev.timeline.engine.state.AckSlots} hand each command's
 *       {@link dev.timeline.engine.state.Outcomes outcome} back to the thread that sent it.</li>
 * </ul>
 * Concurrency: one writer thread owns a state (checked with assertions); readers on any thread read
 * it without locks, inside per-user seqlocks, and never see a tweet above the watermark.
 */
package dev.timeline.engine.state;
