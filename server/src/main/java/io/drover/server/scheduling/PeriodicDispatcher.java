package io.drover.server.scheduling;

import io.drover.model.Job;
import io.drover.model.json.GoTime;
import io.drover.model.launch.PeriodicChild;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.launch.PeriodicSchedule;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.server.leader.PeriodicLaunchBuilder;
import io.drover.server.leader.Stamps;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's launcher of periodic jobs (Nomad's PeriodicDispatch). Each active periodic job's
 * next launch is computed in its time zone; when it is due, one Raft entry creates the child,
 * its evaluation and the parent's launch record. A due launch is skipped (and the next one
 * awaited) while a child is pending or running and the job prohibits overlap.
 *
 * <p>The replicated launch record is what a new leader starts from ({@link #restore}): if the
 * launch after the recorded one is already past, that missed launch is made once, now, as
 * Nomad's restorePeriodicDispatcher does; a launch the previous leader made is recorded, so it
 * is not made again (and the state machine refuses to store a child twice).
 */
public final class PeriodicDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicDispatcher.class);

    private record Tracked(long jobModifyIndex, Instant next) {
    }

    private final StateStore state;
    private final Stamps stamps;
    private final Function<RaftCommand, CompletableFuture<WriteResult>> raft;
    /** Next launch per "namespace\0job ID", for the spec version it was computed from. */
    private final Map<String, Tracked> tracked = new HashMap<>();

    public PeriodicDispatcher(StateStore state, Stamps stamps,
            Function<RaftCommand, CompletableFuture<WriteResult>> raft) {
        this.state = state;
        this.stamps = stamps;
        this.raft = raft;
    }

    /**
     * On becoming leader: forgets what a previous term tracked and, for every active periodic
     * job whose next launch after its recorded one is past, launches once now. Returns the
     * commands submitted (for tests).
     */
    public synchronized List<RaftCommand> restore() {
        tracked.clear();
        List<RaftCommand> submitted = new ArrayList<>();
        long now = stamps.nowNanos();
        Instant at = GoTime.fromUnixNanos(now);
        try (StateReader reader = state.reader()) {
            for (Job job : activeJobs(reader)) {
                Optional<Instant> next = nextAfterRecorded(reader, job);
                if (next.isPresent() && next.get().isBefore(at)) {
                    Optional<RaftCommand> launched = submit(job, now / 1_000_000_000L, now);
                    launched.ifPresent(submitted::add);
                    // A launch that did not go through stays due for the next pass.
                    track(job, launched.isPresent() ? PeriodicSchedule.next(job.periodic, at) : next);
                } else {
                    track(job, next);
                }
            }
        }
        return submitted;
    }

    /** Launches every job whose next launch is due; returns the commands submitted (for tests). */
    public synchronized List<RaftCommand> pass() {
        List<RaftCommand> submitted = new ArrayList<>();
        long now = stamps.nowNanos();
        Instant at = GoTime.fromUnixNanos(now);
        try (StateReader reader = state.reader()) {
            List<Job> jobs = activeJobs(reader);
            tracked.keySet().retainAll(jobs.stream().map(PeriodicDispatcher::key).toList());
            for (Job job : jobs) {
                Tracked t = tracked.get(key(job));
                if (t == null || t.jobModifyIndex != job.jobModifyIndex) {
                    // New, or re-registered with another spec: start from its launch record.
                    t = track(job, nextAfterRecorded(reader, job));
                }
                if (t.next == null || t.next.isAfter(at)) {
                    continue;
                }
                // Launches missed by a late pass collapse into the latest one due.
                Instant due = t.next;
                Optional<Instant> after;
                while ((after = PeriodicSchedule.next(job.periodic, due)).isPresent() && !after.get().isAfter(at)) {
                    due = after.get();
                }
                if (Boolean.TRUE.equals(job.periodic.prohibitOverlap) && hasActiveChild(reader, job)) {
                    LOG.debug("skipping launch of periodic job {} because it prohibits overlap", job.id);
                    track(job, after);
                    continue;
                }
                Optional<RaftCommand> launched = submit(job, due.getEpochSecond(), now);
                if (launched.isPresent()) {
                    submitted.add(launched.get());
                    track(job, after);
                }
                // Else the write did not go through (no leader, a timeout): the launch stays due and
                // the next pass tries again; a child that did get stored is not stored twice.
            }
        }
        return submitted;
    }

    /**
     * How long the next pass may wait: until the earliest launch this leader tracks, but at most
     * {@code maxMillis}, so jobs registered meanwhile are picked up. Lets a launch happen at its
     * time rather than up to a polling period later.
     */
    public synchronized long millisUntilNextPass(long maxMillis) {
        long now = stamps.nowNanos();
        long wait = maxMillis;
        for (Tracked t : tracked.values()) {
            if (t.next != null) {
                long untilNanos = GoTime.unixNanos(t.next) - now;
                wait = Math.min(wait, Math.max(0, (untilNanos + 999_999) / 1_000_000));
            }
        }
        return wait;
    }

    /** When the job launches next as this leader tracks it (for tests and the plan endpoint). */
    public synchronized Optional<Instant> nextLaunch(String namespace, String jobId) {
        Tracked t = tracked.get(namespace + "\0" + jobId);
        return t == null ? Optional.empty() : Optional.ofNullable(t.next);
    }

    private Tracked track(Job job, Optional<Instant> next) {
        Tracked t = new Tracked(job.jobModifyIndex == null ? 0 : job.jobModifyIndex, next.orElse(null));
        tracked.put(key(job), t);
        return t;
    }

    private static Optional<Instant> nextAfterRecorded(StateReader reader, Job job) {
        Optional<PeriodicLaunch> launch = reader.periodicLaunch(job.namespace, job.id);
        long recorded = launch.map(l -> l.launch).orElse(job.submitTime == null ? 0L : job.submitTime);
        return PeriodicSchedule.next(job.periodic, GoTime.fromUnixNanos(recorded));
    }

    /** Nomad's RunningChildren: a periodic child not yet dead has evaluations or allocations still live. */
    private static boolean hasActiveChild(StateReader reader, Job parent) {
        return reader.jobs(parent.namespace, parent.id + PeriodicChild.ID_SUFFIX).stream()
                .anyMatch(c -> parent.id.equals(c.parentId) && !Job.STATUS_DEAD.equals(c.status));
    }

    private Optional<RaftCommand> submit(Job job, long launchUnixSeconds, long now) {
        RaftCommand cmd = RaftCommand.newBuilder()
                .setRequestId(stamps.uuid())
                .setLeaderTimeUnixNanos(now)
                .setPeriodicLaunch(PeriodicLaunchBuilder.command(job, launchUnixSeconds, now, stamps))
                .build();
        try {
            // Waits, so the next pass sees this launch's child when checking overlap.
            WriteResult r = raft.apply(cmd).get(10, TimeUnit.SECONDS);
            if (r.getCode() != WriteResult.Code.OK) {
                LOG.warn("launching periodic job {} was refused: {}", job.id, r.getError());
            }
        } catch (Exception e) {
            LOG.warn("launching periodic job {} failed: {}", job.id, e.toString());
            return Optional.empty();
        }
        return Optional.of(cmd);
    }

    private static List<Job> activeJobs(StateReader reader) {
        return reader.periodicJobs().stream().filter(Job::isPeriodicActive).toList();
    }

    private static String key(Job job) {
        return job.namespace + "\0" + job.id;
    }
}
