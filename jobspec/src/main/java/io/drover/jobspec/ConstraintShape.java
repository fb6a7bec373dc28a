package io.drover.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a {@code constraint} or {@code affinity} block's keys become LTarget, RTarget and Operand:
 * {@code attribute}/{@code value}/{@code operator}, or a shorthand key that names the operator
 * and carries the value ({@code version = ">= 1.0"}, {@code distinct_hosts = true}).
 */
final class ConstraintShape {
    private static final String[] SHORTHANDS = {"version", "semver", "regexp", "set_contains"};
    private static final String[] AFFINITY_SHORTHANDS = {"version", "semver", "regexp", "set_contains",
        "set_contains_any", "set_contains_all"};

    private ConstraintShape() {
    }

    /** The API constraint, or null for {@code distinct_hosts = false}, which Nomad drops. */
    static ObjectNode constraint(ObjectNode m) {
        ObjectNode c = targets(m, SHORTHANDS);
        if (m.has("distinct_hosts")) {
            String v = m.get("distinct_hosts").asText();
            if (!(v.equals("1") || v.equalsIgnoreCase("true") || v.equals("t"))) {
                return null;
            }
            c.put("Operand", "distinct_hosts");
        }
        if (m.has("distinct_property")) {
            c.put("Operand", "distinct_property");
            c.set("LTarget", m.get("distinct_property"));
        }
        if (c.get("Operand").asText().isEmpty()) {
            c.put("Operand", "=");
        }
        return c;
    }

    static ObjectNode affinity(ObjectNode m) {
        ObjectNode a = targets(m, AFFINITY_SHORTHANDS);
        if (a.get("Operand").asText().isEmpty()) {
            a.put("Operand", "=");
        }
        if (m.has("Weight")) {
            a.set("Weight", m.get("Weight"));
        }
        return a;
    }

    private static ObjectNode targets(ObjectNode m, String[] shorthands) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("LTarget", text(m.get("attribute")));
        c.put("RTarget", text(m.get("value")));
        c.put("Operand", text(m.get("operator")));
        for (String op : shorthands) {
            if (m.has(op)) {
                c.put("Operand", op);
                c.set("RTarget", m.get(op));
            }
        }
        return c;
    }

    private static String text(JsonNode n) {
        return n == null ? "" : n.asText();
    }
}
