package io.drover.model.alloc;

import io.drover.model.Job;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nomad's helpers on lists of allocations ({@code RemoveAllocs}, {@code FilterTerminalAllocs}, {@code DenormalizeAllocationJobs}). */
public final class Allocations {
    private Allocations() {
    }

    /** Nomad's RemoveAllocs: {@code allocs} without those whose ID is in {@code remove}, as a new list in the original order. */
    public static List<Allocation> removeAllocs(List<Allocation> allocs, List<Allocation> remove) {
        Set<String> ids = new HashSet<>();
        for (Allocation r : remove) {
            ids.add(r.id);
        }
        List<Allocation> out = new ArrayList<>(allocs.size());
        for (Allocation a : allocs) {
            if (!ids.contains(a.id)) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Nomad's FilterTerminalAllocs: the non-terminal allocations, in order, and for each name
     * the terminal allocation with the highest create index.
     */
    public static Filtered filterTerminalAllocs(List<Allocation> allocs) {
        List<Allocation> live = new ArrayList<>();
        Map<String, Allocation> terminalByName = new LinkedHashMap<>();
        for (Allocation a : allocs) {
            if (!a.terminalStatus()) {
                live.add(a);
                continue;
            }
            Allocation seen = terminalByName.get(a.name);
            if (seen == null || GoZero.lng(seen.createIndex) < GoZero.lng(a.createIndex)) {
                terminalByName.put(a.name, a);
            }
        }
        return new Filtered(live, terminalByName);
    }

    /** The result of {@link #filterTerminalAllocs}. */
    public record Filtered(List<Allocation> live, Map<String, Allocation> terminalByName) {
    }

    /** Nomad's DenormalizeAllocationJobs: gives {@code job} to every non-terminal allocation without one. */
    public static void denormalizeAllocationJobs(Job job, List<Allocation> allocs) {
        if (job == null) {
            return;
        }
        for (Allocation a : allocs) {
            if (a.job == null && !a.terminalStatus()) {
                a.job = job;
            }
        }
    }
}
