package org.jifen.points.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.jifen.points.Outcome;
import org.jifen.points.domain.LearningEvent;
import org.jifen.shared.Actor;
import org.jifen.shared.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of single events: callers queue their event and wait; one writer thread takes everything queued
 * (up to 1,000) and judges it as one batch in one transaction, then completes every caller after the commit. While
 * the writer waits for one commit to reach the disk, the next group gathers, so many concurrent single-event
 * requests share one fsync. If a group fails as a whole, its events are retried one by one, so that one event's
 * failure is only its own.
 *
 * <p>Single events all go to the first writer, so that concurrent ones gather into the largest groups: every group
 * pays its round trips and a commit whatever its size, and with the singles spread over two writers the groups
 * averaged ~5 events and the throughput fell (docs/benchmarks.md). The events of a batch are already a large group:
 * they are shared out by user (hash) among all the writers, so that one user's events of the batch stay in order on
 * one writer and, while one group's commit waits for the disk, the other writers go on judging. Writers lock balance
 * rows in user id order, so when a single event and a batch touch the same user, one waits for the other's commit.
 * Each event carries who sent it, taken on the caller's side (the writer threads have no security context), so that
 * the entries of one group name each their own sender.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_GROUP = 1000;

    private record Pending(String programKey, LearningEvent event, Actor sender, CompletableFuture<Outcome> result) {}

    /** Judges and records a group of one program's events in one transaction, each named with its sender. */
    @FunctionalInterface
    interface Writer {
        List<Outcome> recordAll(String programKey, List<LearningEvent> events, List<Actor> senders);
    }

    private final Writer ledger;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopped;

    GroupCommit(Writer ledger, int writerCount) {
        if (writerCount < 1) {
            throw new IllegalArgumentException("at least one group-commit writer, not " + writerCount);
        }
        this.ledger = ledger;
        for (int i = 0; i < writerCount; i++) {
            var queue = new LinkedBlockingQueue<Pending>();
            queues.add(queue);
            writers.add(Thread.ofPlatform()
                    .daemon()
                    .name("points-group-commit-" + i)
                    .start(() -> run(queue)));
        }
    }

    Outcome record(String programKey, LearningEvent event, Actor sender) {
        return Futures.joined(submit(programKey, event, sender));
    }

    /** Queues a single event on the first writer, where single events gather into groups; see the class comment. */
    CompletableFuture<Outcome> submit(String programKey, LearningEvent event, Actor sender) {
        return submit(programKey, event, sender, queues.getFirst());
    }

    /** Queues every event on its user's writer, then waits for all their commits. */
    List<Outcome> recordAll(String programKey, List<LearningEvent> events, Actor sender) {
        var results = new ArrayList<CompletableFuture<Outcome>>(events.size());
        for (var e : events) {
            var user = e.user() == null ? 0 : e.user().hashCode();
            results.add(submit(programKey, e, sender, queues.get(Math.floorMod(user, queues.size()))));
        }
        var outcomes = new ArrayList<Outcome>(events.size());
        for (var r : results) {
            outcomes.add(Futures.joined(r));
        }
        return outcomes;
    }

    /** Queues an event on a writer; the outcome completes on that writer after the commit. */
    private CompletableFuture<Outcome> submit(
            String programKey, LearningEvent event, Actor sender, BlockingQueue<Pending> queue) {
        if (stopped) {
            return CompletableFuture.failedFuture(new Stopped());
        }
        var pending = new Pending(programKey, event, sender, new CompletableFuture<>());
        queue.add(pending);
        if (stopped) { // stop() may have drained the queue just before the add
            failQueued(queue);
        }
        return pending.result;
    }

    /** Answered to callers once the platform is shutting down: their event was not judged. */
    static final class Stopped extends IllegalStateException {
        Stopped() {
            super("the points ledger is shutting down: the event was not recorded");
        }
    }

    private void run(BlockingQueue<Pending> queue) {
        var group = new ArrayList<Pending>();
        while (!Thread.currentThread().isInterrupted() && !stopped) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            var byProgram = new LinkedHashMap<String, List<Pending>>();
            for (var p : group) {
                byProgram.computeIfAbsent(p.programKey, k -> new ArrayList<>()).add(p);
            }
            byProgram.forEach(this::commit);
            group.clear();
        }
    }

    private void commit(String programKey, List<Pending> pendings) {
        try {
            var outcomes = ledger.recordAll(
                    programKey,
                    pendings.stream().map(Pending::event).toList(),
                    pendings.stream().map(Pending::sender).toList());
            for (int i = 0; i < pendings.size(); i++) {
                pendings.get(i).result.complete(outcomes.get(i));
            }
        } catch (RuntimeException groupFailure) {
            if (pendings.size() == 1) {
                pendings.getFirst().result.completeExceptionally(groupFailure);
                return;
            }
            log.debug("A group of {} events failed, retrying one by one: {}", pendings.size(), groupFailure.toString());
            for (var p : pendings) {
                try {
                    p.result.complete(ledger.recordAll(
                                    programKey, List.of(p.event), java.util.Collections.singletonList(p.sender))
                            .getFirst());
                } catch (RuntimeException e) {
                    p.result.completeExceptionally(e);
                }
            }
        }
    }

    /**
     * Stops the writers: a group being written finishes or fails with the interruption, and every event still queued,
     * or submitted from now on, fails at once with {@link Stopped} instead of leaving its caller waiting for good.
     */
    void stop() {
        stopped = true;
        writers.forEach(Thread::interrupt);
        queues.forEach(GroupCommit::failQueued);
    }

    private static void failQueued(BlockingQueue<Pending> queue) {
        var left = new ArrayList<Pending>();
        queue.drainTo(left);
        left.forEach(p -> p.result.completeExceptionally(new Stopped()));
    }
}
