package io.drover.server.scheduling;

import io.drover.model.scheduling.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evaluations that could not place everything, waiting for capacity (Nomad's BlockedEvals, on
 * the leader only). Each job has at most one: a newer blocked evaluation replaces an older one,
 * which is handed to {@code onDuplicate} to be cancelled. When capacity appears on nodes of a
 * computed class, the evaluations that may use that class (those that did not find it
 * ineligible, and those whose constraints escaped class-based checks) go back to the broker.
 * A blocked evaluation computed on a snapshot older than a capacity change it could use is
 * sent to the broker at once instead of waiting for the next one.
 */
public final class BlockedEvals {
    private final EvalBroker broker;
    private final Consumer<Evaluation> onDuplicate;
    private final Map<String, Tracked> captured = new HashMap<>();
    private final Map<String, Tracked> escaped = new HashMap<>();
    private final Map<JobKey, String> jobs = new HashMap<>();
    /** Computed class → the index of the last capacity change on nodes of that class. */
    private final Map<String, Long> unblockIndexes = new HashMap<>();
    private boolean enabled;

    public BlockedEvals(EvalBroker broker, Consumer<Evaluation> onDuplicate) {
        this.broker = broker;
        this.onDuplicate = onDuplicate;
    }

    private record Tracked(Evaluation eval, String token) {
    }

    private record JobKey(String namespace, String jobId) {
        static JobKey of(Evaluation e) {
            return new JobKey(e.namespace, e.jobId);
        }
    }

    public synchronized void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            captured.clear();
            escaped.clear();
            jobs.clear();
            unblockIndexes.clear();
        }
    }

    /** Tracks a blocked evaluation (one the scheduler just created, or found in state). */
    public void block(Evaluation eval) {
        track(eval, "");
    }

    /** Tracks again an evaluation that was unblocked but still cannot place everything. */
    public void reblock(Evaluation eval, String token) {
        track(eval, token);
    }

    private void track(Evaluation eval, String token) {
        List<Evaluation> duplicates = new ArrayList<>(1);
        boolean enqueue = false;
        synchronized (this) {
            if (!enabled) {
                return;
            }
            Evaluation dup = replaceExisting(eval);
            if (dup != null) {
                duplicates.add(dup);
                if (dup == eval) {
                    return;
                }
            }
            if (missedUnblock(eval)) {
                enqueue = true;
            } else {
                jobs.put(JobKey.of(eval), eval.id);
                (Boolean.TRUE.equals(eval.escapedComputedClass) ? escaped : captured)
                        .put(eval.id, new Tracked(eval, token));
            }
        }
        duplicates.forEach(onDuplicate);
        if (enqueue) {
            broker.enqueue(eval, token);
        }
    }

    /** Drops the job's older blocked evaluation; returns whichever of the two must be cancelled. */
    private Evaluation replaceExisting(Evaluation eval) {
        String existingId = jobs.get(JobKey.of(eval));
        if (existingId == null || existingId.equals(eval.id)) {
            return null;
        }
        Tracked existing = captured.containsKey(existingId) ? captured.get(existingId) : escaped.get(existingId);
        if (existing == null) {
            jobs.remove(JobKey.of(eval));
            return null;
        }
        if (latestIndex(existing.eval) <= latestIndex(eval)) {
            captured.remove(existingId);
            escaped.remove(existingId);
            return existing.eval;
        }
        return eval;
    }

    private static long latestIndex(Evaluation e) {
        long snapshot = e.snapshotIndex == null ? 0 : e.snapshotIndex;
        long modify = e.modifyIndex == null ? 0 : e.modifyIndex;
        return Math.max(snapshot, modify);
    }

    private boolean missedUnblock(Evaluation eval) {
        long snapshot = eval.snapshotIndex == null ? 0 : eval.snapshotIndex;
        long max = 0;
        for (Map.Entry<String, Long> e : unblockIndexes.entrySet()) {
            max = Math.max(max, e.getValue());
            Boolean eligible = eval.classEligibility == null ? null : eval.classEligibility.get(e.getKey());
            if ((eligible == null || eligible) && snapshot < e.getValue()) {
                return true;
            }
        }
        return Boolean.TRUE.equals(eval.escapedComputedClass) && snapshot < max;
    }

    /** Capacity appeared on nodes of {@code computedClass} at {@code index}. */
    public void unblock(String computedClass, long index) {
        List<Tracked> unblocked = new ArrayList<>();
        synchronized (this) {
            if (!enabled) {
                return;
            }
            unblockIndexes.merge(computedClass, index, Math::max);
            unblocked.addAll(escaped.values());
            escaped.clear();
            captured.values().removeIf(t -> {
                Boolean eligible = t.eval.classEligibility == null ? null : t.eval.classEligibility.get(computedClass);
                if (eligible != null && !eligible) {
                    return false;
                }
                unblocked.add(t);
                return true;
            });
            unblocked.forEach(t -> jobs.remove(JobKey.of(t.eval)));
        }
        unblocked.forEach(t -> broker.enqueue(t.eval, t.token));
    }

    /** Forgets the blocked evaluation of a job (it was stopped or purged). */
    public synchronized void untrack(String namespace, String jobId) {
        String id = jobs.remove(new JobKey(namespace, jobId));
        if (id != null) {
            captured.remove(id);
            escaped.remove(id);
        }
    }

    public synchronized int size() {
        return captured.size() + escaped.size();
    }
}
