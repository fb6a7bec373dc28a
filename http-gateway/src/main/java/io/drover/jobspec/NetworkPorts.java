package io.drover.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A network block's {@code port} blocks become the API's ReservedPorts (a static number) and
 * DynamicPorts (none: the client picks it), in the order written. Labels are checked as Nomad
 * does: its naming pattern, and no two alike but for case.
 */
final class NetworkPorts {
    private static final Pattern PORT_LABEL = Pattern.compile("^[a-zA-Z0-9_]+$");

    private NetworkPorts() {
    }

    static void split(ObjectNode network) throws JobSpecException {
        JsonNode ports = network.remove("Ports");
        Set<String> labels = new HashSet<>();
        for (JsonNode p : ports == null ? List.<JsonNode>of() : ports) {
            String label = p.get("Label").asText();
            if (!PORT_LABEL.matcher(label).matches()) {
                throw new JobSpecException("Port label does not conform to naming requirements " + PORT_LABEL);
            }
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                throw new JobSpecException("found a port label collision: " + label);
            }
            String list = p.get("Value").asLong() > 0 ? "ReservedPorts" : "DynamicPorts";
            (network.get(list) instanceof ArrayNode a ? a : network.putArray(list)).add(p);
        }
    }
}
