package io.drover.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What "each evaluation scheduled once" means for a job of one task group, seen from its
 * allocations: exactly {@code count} live allocations named {@code job.group[0..count-1]}, one
 * per name, each placed by one of the job's own evaluations. Checks return what is wrong, as
 * sentences for a failure message; an empty list means the job is placed right.
 */
final class Placements {
    private Placements() {
    }

    /** The names Nomad gives a group's allocations: {@code job.group[i]}. */
    static Set<String> expectedNames(String jobId, String group, int count) {
        return IntStream.range(0, count).mapToObj(i -> jobId + "." + group + "[" + i + "]")
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Jobs holding more live allocations than their count: never allowed, even for a moment,
     * since a second copy of an allocation means an evaluation was scheduled twice.
     */
    static List<String> overCount(Map<String, List<Allocs.Alloc>> byJob, Map<String, Integer> counts) {
        List<String> over = new ArrayList<>();
        counts.forEach((job, count) -> {
            List<Allocs.Alloc> live = Allocs.live(byJob.getOrDefault(job, List.of()));
            if (live.size() > count) {
                over.add(job + " has " + live.size() + " live allocations for a count of " + count + ": " + live);
            }
        });
        return over;
    }

    /**
     * What is wrong with {@code job}'s placement: its live allocations are not exactly the
     * expected names once each, or one was placed by an evaluation that is not the job's.
     */
    static List<String> problems(String jobId, String group, int count, List<Allocs.Alloc> allocs,
            Set<String> jobEvalIds) {
        List<String> wrong = new ArrayList<>();
        List<Allocs.Alloc> live = Allocs.live(allocs);
        List<String> names = live.stream().map(Allocs.Alloc::name).sorted().toList();
        Set<String> unique = new HashSet<>(names);
        if (unique.size() != names.size()) {
            wrong.add(jobId + ": live allocations share a name: " + names);
        }
        if (!new TreeSet<>(names).equals(expectedNames(jobId, group, count))) {
            wrong.add(jobId + ": live allocations are " + names + ", expected " + expectedNames(jobId, group, count));
        }
        for (Allocs.Alloc a : live) {
            if (!jobEvalIds.contains(a.evalId())) {
                wrong.add(jobId + ": allocation " + a.name() + " (" + a.id() + ") was placed by evaluation "
                        + a.evalId() + ", which is not one of the job's " + jobEvalIds);
            }
        }
        return wrong;
    }
}
