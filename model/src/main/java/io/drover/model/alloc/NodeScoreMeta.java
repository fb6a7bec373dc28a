package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** One node's scores from each scorer and its final normalized score (Nomad's {@code structs.NodeScoreMeta}). */
public final class NodeScoreMeta {
    @JsonProperty("NodeID") public String nodeId = "";
    @JsonProperty("Scores") public Map<String, Double> scores;
    @JsonProperty("NormScore") public Double normScore = 0.0;

    public NodeScoreMeta() {
    }

    public NodeScoreMeta(String nodeId) {
        this.nodeId = nodeId;
        this.scores = new LinkedHashMap<>();
    }
}
