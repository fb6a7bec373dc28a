package io.drover.scheduler.reconcile;

import io.drover.model.alloc.Allocation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses allocation names {@code job.group[i]} (Nomad's {@code allocNameIndex}): new
 * placements take the lowest free indexes below the group's count, so a name freed by a stopped
 * or lost allocation is reused first; scaling down gives up the highest indexes first.
 */
public final class AllocNameIndex {
    private final String jobId;
    private final String group;
    private final int count;
    private final BitSet used = new BitSet();

    public AllocNameIndex(String jobId, String group, int count, AllocSet in) {
        this.jobId = jobId;
        this.group = group;
        this.count = count;
        for (Allocation a : in.values()) {
            used.set(a.index());
        }
    }

    /**
     * Releases and returns the names of the {@code n} highest indexes in use (fewer if fewer
     * are in use).
     */
    public Set<String> highest(int n) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = used.length() - 1; i >= 0 && out.size() < n; i = used.previousSetBit(i - 1)) {
            if (used.get(i)) {
                used.clear(i);
                out.add(Allocation.allocName(jobId, group, i));
            }
        }
        return out;
    }

    public void unsetIndex(int index) {
        used.clear(index);
    }

    /**
     * The next {@code n} names, marked used: free indexes below the count, lowest first; if
     * those run out, indexes from 0 again (names then repeat, as in Nomad).
     */
    public List<String> next(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = used.nextClearBit(0); i < count && out.size() < n; i = used.nextClearBit(i + 1)) {
            used.set(i);
            out.add(Allocation.allocName(jobId, group, i));
        }
        for (int i = 0; out.size() < n; i++) {
            used.set(i);
            out.add(Allocation.allocName(jobId, group, i));
        }
        return out;
    }
}
