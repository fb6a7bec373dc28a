package io.drover.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Every index a client was shown ({@code X-Nomad-Index} of reads, {@code Index} of write
 * answers), with when the request was sent and when the answer came, checked afterwards against
 * what Nomad promises in real time: an answer never shows an older index than one the same
 * server showed before the request was sent, for the same kind of request; a write sent after
 * another was acknowledged gets a higher index; and a default read sent after a write was
 * acknowledged shows at least that write's index.
 */
final class IndexHistory {
    static final String WRITE = "write";
    static final String DEFAULT_READ = "read";
    static final String STALE_READ = "stale read";

    private final ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();

    /** One answer: who answered what kind of request with which index, and when. */
    record Observation(String server, String kind, long sentNanos, long receivedNanos, long index) {
    }

    void observe(String server, String kind, long sentNanos, long receivedNanos, long index) {
        observations.add(new Observation(server, kind, sentNanos, receivedNanos, index));
    }

    int size() {
        return observations.size();
    }

    /** Answers that went back in time, per server and kind of request. */
    List<String> indexesGoingBackwards() {
        Map<String, List<Observation>> byServerAndKind = observations.stream()
                .collect(Collectors.groupingBy(o -> o.server() + " " + o.kind()));
        List<String> out = new ArrayList<>();
        byServerAndKind.forEach((group, obs) -> out.addAll(violations(group, obs, obs, false)));
        return out;
    }

    /** Writes that did not get a higher index than every write acknowledged before they were sent. */
    List<String> writesOutOfOrder() {
        List<Observation> writes = ofKind(WRITE);
        return violations("writes", writes, writes, true);
    }

    /** Default reads that did not see a write acknowledged before they were sent. */
    List<String> defaultReadsMissingAcknowledgedWrites() {
        return violations("default reads after writes", ofKind(WRITE), ofKind(DEFAULT_READ), false);
    }

    private List<Observation> ofKind(String kind) {
        return observations.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    /**
     * For each later observation, compares its index with the highest index among the earlier
     * observations answered before it was sent.
     */
    private static List<String> violations(String what, List<Observation> earlier, List<Observation> later,
            boolean strictlyHigher) {
        List<Observation> byReceipt = new ArrayList<>(earlier);
        byReceipt.sort(Comparator.comparingLong(Observation::receivedNanos));
        long[] received = new long[byReceipt.size()];
        Observation[] highestSoFar = new Observation[byReceipt.size()];
        for (int i = 0; i < byReceipt.size(); i++) {
            received[i] = byReceipt.get(i).receivedNanos();
            Observation o = byReceipt.get(i);
            highestSoFar[i] = i > 0 && highestSoFar[i - 1].index() >= o.index() ? highestSoFar[i - 1] : o;
        }
        List<String> out = new ArrayList<>();
        for (Observation b : later) {
            int answeredBefore = countBelow(received, b.sentNanos());
            if (answeredBefore == 0) {
                continue;
            }
            Observation a = highestSoFar[answeredBefore - 1];
            boolean wrong = strictlyHigher ? b.index() <= a.index() : b.index() < a.index();
            if (wrong) {
                out.add(what + ": " + b + " after " + a);
            }
        }
        return out;
    }

    /** How many of the sorted {@code values} are below {@code limit}. */
    private static int countBelow(long[] values, long limit) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < limit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
