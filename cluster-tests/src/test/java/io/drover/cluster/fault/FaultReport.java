package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A run's figures and anomalies, as Markdown for docs/robustness.md and the test's output. */
final class FaultReport {
    private FaultReport() {
    }

    static String render(FaultSchedule schedule, List<FaultInjector.Injection> injections, ClientHistory history,
            RunChecks checks, int unforcedInstalls, long runMillis) {
        StringBuilder out = new StringBuilder();
        out.append("## Fault run, seed ").append(schedule.seed()).append(": ").append(injections.size())
                .append(" faults in ").append(runMillis / 1000).append(" s\n\n");
        Map<FaultSchedule.Kind, Integer> byKind = new EnumMap<>(FaultSchedule.Kind.class);
        injections.forEach(i -> byKind.merge(i.step().kind(), 1, Integer::sum));
        out.append("| fault | count | to a leader all agree on (ms): min / median / max"
                + " | struck the leader: to the next write committed (ms): min / median / max |\n|---|---|---|---|\n");
        byKind.forEach((k, n) -> {
            List<FaultInjector.Injection> ofKind = injections.stream().filter(i -> i.step().kind() == k).toList();
            out.append("| ").append(k).append(" | ").append(n).append(" | ")
                    .append(spread(ofKind.stream().map(FaultInjector.Injection::recoveryMillis).toList()))
                    .append(" | ").append(spread(leaderUnavailability(ofKind, history))).append(" |\n");
        });
        out.append('\n');
        out.append("- snapshot faults where the others had not purged their logs in time (the follower caught up"
                + " from the log instead): ").append(unforcedInstalls).append('\n');
        out.append("- writes (a job each, through every server): ").append(history.writes.size()).append(" sent, ")
                .append(history.count(ClientHistory.Outcome.ACKNOWLEDGED)).append(" acknowledged, ")
                .append(history.count(ClientHistory.Outcome.UNKNOWN)).append(" unknown after 3 attempts, ")
                .append(history.count(ClientHistory.Outcome.REFUSED)).append(" refused; **")
                .append(checks.lostWrites).append(" acknowledged writes lost**\n");
        out.append("- check-and-set and `?consistent` reads: ").append(history.cas.history().size())
                .append(" operations, ").append(checks.linearizability == null ? "not checked"
                        : checks.linearizability.verdict() + " (" + checks.linearizability.nodesExplored()
                                + " search nodes)").append('\n');
        out.append("- reads watching `X-Nomad-Index`: ").append(history.readsByMode).append("; ")
                .append(history.regressions.size()).append(" went back\n");
        out.append("- \"No cluster leader\" answers (500, during faults): ").append(history.noLeaderAnswers)
                .append("; other 5xx or unexpected answers: ").append(history.unexpected.size()).append('\n');
        out.append("- unavailability after a fault that struck the leader (from the fault to the first write committed"
                + " after it being acknowledged): ")
                .append(spread(leaderUnavailability(injections, history))).append('\n');
        out.append("- time from a fault to a leader all servers agree on again: ")
                .append(spread(injections.stream().map(FaultInjector.Injection::recoveryMillis).toList()))
                .append("\n\n");
        out.append("Anomalies: ").append(checks.anomalies.isEmpty() ? "none" : checks.anomalies.size()).append('\n');
        for (FaultInjector.Injection i : injections) {
            i.anomalies().forEach(a -> out.append("- during ").append(i.step()).append(": ").append(a).append('\n'));
        }
        checks.anomalies.forEach(a -> out.append("- ").append(a).append('\n'));
        return out.toString();
    }

    /** Per fault that struck the leader: ms from the fault to the first write committed after it and acknowledged. */
    static List<Long> leaderUnavailability(List<FaultInjector.Injection> injections, ClientHistory history) {
        List<Long> out = new ArrayList<>();
        for (FaultInjector.Injection i : injections) {
            long acked = history.firstCommittedAfter(i.startedAt());
            if (i.struckLeader() && acked != Long.MAX_VALUE) {
                out.add((acked - i.startedAt()) / 1_000_000);
            }
        }
        return out;
    }

    private static String spread(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none measured";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return "min " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms (" + sorted.size() + " faults)";
    }
}
