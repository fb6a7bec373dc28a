package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler saw while placing one allocation (Nomad's {@code structs.AllocMetric}):
 * nodes evaluated, filtered (by class and constraint) and exhausted (by class and dimension),
 * and the top scoring nodes. It explains a placement, or a failed one in an evaluation's
 * FailedTGAllocs. The scoring scratch state is private and never written.
 */
public final class AllocMetric {
    /** Nomad's MaxRetainedNodeScores: how many top nodes {@link #scoreMetaData} keeps. */
    public static final int MAX_RETAINED_NODE_SCORES = 5;
    /** Nomad's NormScorerName: the scorer whose score ends a node's scoring. */
    public static final String NORM_SCORER_NAME = "normalized-score";

    @JsonProperty("NodesEvaluated") public Integer nodesEvaluated = 0;
    @JsonProperty("NodesFiltered") public Integer nodesFiltered = 0;
    @JsonProperty("NodesAvailable") public Map<String, Integer> nodesAvailable;
    @JsonProperty("ClassFiltered") public Map<String, Integer> classFiltered;
    @JsonProperty("ConstraintFiltered") public Map<String, Integer> constraintFiltered;
    @JsonProperty("NodesExhausted") public Integer nodesExhausted = 0;
    @JsonProperty("ClassExhausted") public Map<String, Integer> classExhausted;
    @JsonProperty("DimensionExhausted") public Map<String, Integer> dimensionExhausted;
    @JsonProperty("QuotaExhausted") public List<String> quotaExhausted;
    /** Deprecated in Nomad 0.9 in favour of {@link #scoreMetaData}; still written. */
    @JsonProperty("Scores") public Map<String, Double> scores;
    @JsonProperty("ScoreMetaData") public List<NodeScoreMeta> scoreMetaData;
    @GoType("time.Duration") @JsonProperty("AllocationTime") public Long allocationTime = 0L;
    @JsonProperty("CoalescedFailures") public Integer coalescedFailures = 0;

    /** The node being scored, until its normalized score arrives. */
    private NodeScoreMeta current;
    /** The best {@link #MAX_RETAINED_NODE_SCORES} nodes so far, in arrival order. */
    private List<NodeScoreMeta> top;

    /** A deep copy of the written fields; scoring still in progress (before {@link #populateScoreMetaData()}) is not copied. */
    public AllocMetric copy() {
        return NomadJson.copy(this, AllocMetric.class);
    }

    public void evaluateNode() {
        nodesEvaluated = GoZero.num(nodesEvaluated) + 1;
    }

    /** A node failed feasibility: counted, by its class (if any) and by the constraint (if any). */
    public void filterNode(Node node, String constraint) {
        nodesFiltered = GoZero.num(nodesFiltered) + 1;
        if (node != null && !GoZero.str(node.nodeClass).isEmpty()) {
            classFiltered = increment(classFiltered, node.nodeClass);
        }
        if (constraint != null && !constraint.isEmpty()) {
            constraintFiltered = increment(constraintFiltered, constraint);
        }
    }

    /** A node lacked resources: counted, by its class (if any) and by the exhausted dimension (if any). */
    public void exhaustedNode(Node node, String dimension) {
        nodesExhausted = GoZero.num(nodesExhausted) + 1;
        if (node != null && !GoZero.str(node.nodeClass).isEmpty()) {
            classExhausted = increment(classExhausted, node.nodeClass);
        }
        if (dimension != null && !dimension.isEmpty()) {
            dimensionExhausted = increment(dimensionExhausted, dimension);
        }
    }

    public void exhaustQuota(List<String> dimensions) {
        if (quotaExhausted == null) {
            quotaExhausted = new ArrayList<>();
        }
        quotaExhausted.addAll(dimensions);
    }

    /**
     * Nomad's ScoreNode: records one scorer's score of {@code node}. The {@link #NORM_SCORER_NAME}
     * score closes the node's entry, which then competes for the top
     * {@link #MAX_RETAINED_NODE_SCORES}: a full top set admits a node only with a score higher
     * than its lowest, which it replaces.
     */
    public void scoreNode(Node node, String scorer, double score) {
        if (current == null || !current.nodeId.equals(node.id)) {
            current = new NodeScoreMeta(node.id);
        }
        if (!NORM_SCORER_NAME.equals(scorer)) {
            current.scores.put(scorer, score);
            return;
        }
        current.normScore = score;
        if (top == null) {
            top = new ArrayList<>();
        }
        if (top.size() < MAX_RETAINED_NODE_SCORES) {
            top.add(current);
        } else {
            int lowest = 0;
            for (int i = 1; i < top.size(); i++) {
                if (top.get(i).normScore < top.get(lowest).normScore) {
                    lowest = i;
                }
            }
            if (score > top.get(lowest).normScore) {
                top.remove(lowest);
                top.add(current);
            }
        }
        current = null;
    }

    /**
     * Nomad's PopulateScoreMetaData: writes the top nodes to {@link #scoreMetaData}, best first.
     * Equal scores keep the order they were scored in (Nomad's heap leaves it unspecified).
     */
    public void populateScoreMetaData() {
        if (top == null) {
            return;
        }
        List<NodeScoreMeta> sorted = new ArrayList<>(top);
        sorted.sort((a, b) -> Double.compare(b.normScore, a.normScore));
        scoreMetaData = sorted;
    }

    private static Map<String, Integer> increment(Map<String, Integer> counts, String key) {
        Map<String, Integer> out = counts == null ? new LinkedHashMap<>() : counts;
        out.merge(key, 1, Integer::sum);
        return out;
    }
}
