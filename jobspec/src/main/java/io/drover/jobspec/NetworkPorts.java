package io.drover.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.hcl.HclNode;
import io.drover.hcl.HclPos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A network block's {@code port} blocks become the API's ReservedPorts (a static number) and
 * DynamicPorts (none: the client picks it), in the order written. Labels are checked as Nomad
 * does: its naming pattern, and no two alike but for case. A refused label is named by where it
 * was written.
 */
final class NetworkPorts {
    private static final Pattern PORT_LABEL = Pattern.compile("^[a-zA-Z0-9_]+$");

    private NetworkPorts() {
    }

    /**
     * Where each {@code port} block of a network body has its label, in the order the decoded
     * Ports list has them (a port without a label is refused before the ports are split).
     */
    static List<HclPos> labelPositions(HclNode.ObjectValue network) {
        List<HclPos> positions = new ArrayList<>();
        for (HclNode.Item item : network.items()) {
            if (item.key().equals("port") && item.keys().size() > 1) {
                positions.add(item.keyPositions().get(1));
            }
        }
        return positions;
    }

    /** @param labelPositions where each port's label was written, in the order of {@code Ports} */
    static void split(ObjectNode network, List<HclPos> labelPositions) throws JobSpecException {
        JsonNode ports = network.remove("Ports");
        Set<String> labels = new HashSet<>();
        int i = 0;
        for (JsonNode p : ports == null ? List.<JsonNode>of() : ports) {
            String label = p.get("Label").asText();
            HclPos at = labelPositions.get(i++);
            if (!PORT_LABEL.matcher(label).matches()) {
                throw new JobSpecException("Port label does not conform to naming requirements " + PORT_LABEL, at);
            }
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                throw new JobSpecException("found a port label collision: " + label, at);
            }
            String list = p.get("Value").asLong() > 0 ? "ReservedPorts" : "DynamicPorts";
            (network.get(list) instanceof ArrayNode a ? a : network.putArray(list)).add(p);
        }
    }
}
