package io.drover.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.hcl.HclNode;
import io.drover.hcl.HclPos;
import io.drover.model.json.GoDuration;
import java.util.List;

/**
 * One job-spec key's value as Nomad's API JSON, weakly typed as Nomad's mapstructure decoding is
 * ({@code "5"} fills an int, {@code "30s"} a duration, {@code true} a string as {@code "1"}).
 * A refusal names where the value it refuses was written.
 */
final class SpecValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SpecValues() {
    }

    static JsonNode value(SpecRule rule, HclNode node, String key) throws JobSpecException {
        return switch (rule.kind()) {
            case STRING -> JSON.textNode(asString(scalar(node, key).value()));
            case INT -> JSON.numberNode(asLong(scalar(node, key), key));
            case BOOL -> JSON.booleanNode(asBool(scalar(node, key), key));
            case DURATION -> JSON.numberNode(asDuration(scalar(node, key), key));
            case STRING_LIST -> stringList(node, key);
            case STRING_MAP -> stringMap(node, key);
            case FREE_FORM -> freeForm(node);
            case HEADER -> header(node);
            case BLOCK -> throw new IllegalStateException("blocks are decoded by decodeNested");
        };
    }

    /** The one literal a scalar key was given, alone or as a list of one. */
    private static HclNode.Literal scalar(HclNode node, String key) throws JobSpecException {
        if (node instanceof HclNode.Literal lit) {
            return lit;
        }
        if (node instanceof HclNode.ListValue list && list.elements().size() == 1
                && list.elements().get(0) instanceof HclNode.Literal lit) {
            return lit;
        }
        throw new JobSpecException(key + ": expected a single value", node.pos());
    }

    private static String asString(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return String.valueOf(v);
    }

    private static long asLong(HclNode.Literal lit, String key) throws JobSpecException {
        Object v = lit.value();
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = (String) v;
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw decoding("cannot parse '" + key + "' as int: strconv.ParseInt: parsing \"" + s + "\": invalid syntax",
                    lit.pos());
        }
    }

    private static boolean asBool(HclNode.Literal lit, String key) throws JobSpecException {
        Object v = lit.value();
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        String s = asString(v);
        return switch (s) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False", "" -> false;
            default -> throw decoding("cannot parse '" + key + "' as bool: strconv.ParseBool: parsing \"" + s
                    + "\": invalid syntax", lit.pos());
        };
    }

    private static long asDuration(HclNode.Literal lit, String key) throws JobSpecException {
        Object v = lit.value();
        if (v instanceof Long l) {
            return l;
        }
        try {
            return GoDuration.parseNanos(asString(v));
        } catch (RuntimeException e) {
            throw decoding("error decoding '" + key + "': time: invalid duration " + asString(v), lit.pos());
        }
    }

    /**
     * A check's {@code header} block: each header a list of strings, as Nomad insists on (its
     * refusals name the Go type it found instead).
     */
    private static ObjectNode header(HclNode node) throws JobSpecException {
        ObjectNode out = JSON.objectNode();
        List<HclNode> objects = node instanceof HclNode.ListValue list ? list.elements() : List.of(node);
        for (HclNode o : objects) {
            if (!(o instanceof HclNode.ObjectValue obj)) {
                throw new JobSpecException("check -> header -> expected a []map[string][]string but found "
                        + goType(o), o.pos());
            }
            for (HclNode.Item item : obj.items()) {
                String name = String.join(".", item.keys());
                if (!(item.value() instanceof HclNode.ListValue values)) {
                    throw new JobSpecException("check -> header -> \"" + name + "\" expected a []string but found "
                            + goType(item.value()), item.value().pos());
                }
                ArrayNode list = out.has(name) ? (ArrayNode) out.get(name) : out.putArray(name);
                for (HclNode v : values.elements()) {
                    if (!(v instanceof HclNode.Literal lit && lit.value() instanceof String s)) {
                        throw new JobSpecException("check -> header -> \"" + name + "\" expected a string but found "
                                + goType(v), v.pos());
                    }
                    list.add(s);
                }
            }
        }
        return out;
    }

    /** The Go type HCL1 decodes a value to, as {@code %T} prints it. */
    private static String goType(HclNode node) {
        if (node instanceof HclNode.Literal lit) {
            Object v = lit.value();
            return v instanceof Long ? "int" : v instanceof Double ? "float64" : v instanceof Boolean ? "bool" : "string";
        }
        return node instanceof HclNode.ListValue ? "[]interface {}" : "[]map[string]interface {}";
    }

    /**
     * A refusal of mapstructure's, which reports what it could not decode into a struct so; the
     * position ends its one entry.
     */
    private static JobSpecException decoding(String what, HclPos pos) {
        return new JobSpecException("1 error(s) decoding:\n\n* " + JobSpecException.located(what, pos));
    }

    private static ArrayNode stringList(HclNode node, String key) throws JobSpecException {
        ArrayNode out = JSON.arrayNode();
        if (node instanceof HclNode.Literal lit) {
            out.add(asString(lit.value()));
            return out;
        }
        if (!(node instanceof HclNode.ListValue list)) {
            throw new JobSpecException(key + ": expected a list", node.pos());
        }
        for (HclNode e : list.elements()) {
            out.add(asString(scalar(e, key).value()));
        }
        return out;
    }

    private static ObjectNode stringMap(HclNode node, String key) throws JobSpecException {
        ObjectNode out = JSON.objectNode();
        List<HclNode> objects = node instanceof HclNode.ListValue list ? list.elements() : List.of(node);
        for (HclNode o : objects) {
            if (!(o instanceof HclNode.ObjectValue obj)) {
                throw new JobSpecException(key + ": should be an object", o.pos());
            }
            for (HclNode.Item item : obj.items()) {
                out.put(String.join(".", item.keys()), asString(scalar(item.value(), item.key()).value()));
            }
        }
        return out;
    }

    /**
     * HCL1's own decoding into {@code interface{}}, which Nomad uses for a driver's config:
     * scalars as they are, a nested block (or object) as a list of objects, labels as nested keys.
     */
    static JsonNode freeForm(HclNode node) {
        if (node instanceof HclNode.Literal lit) {
            Object v = lit.value();
            if (v instanceof Long l) {
                return JSON.numberNode(l);
            }
            if (v instanceof Double d) {
                return JSON.numberNode(d);
            }
            if (v instanceof Boolean b) {
                return JSON.booleanNode(b);
            }
            return JSON.textNode((String) v);
        }
        if (node instanceof HclNode.ListValue list) {
            ArrayNode out = JSON.arrayNode();
            for (HclNode e : list.elements()) {
                JsonNode d = freeForm(e);
                if (e instanceof HclNode.ObjectValue && d.isArray()) {
                    out.addAll((ArrayNode) d);
                } else {
                    out.add(d);
                }
            }
            return out;
        }
        HclNode.ObjectValue obj = (HclNode.ObjectValue) node;
        ObjectNode out = JSON.objectNode();
        for (HclNode.Item item : obj.items()) {
            ObjectNode target = out;
            List<String> keys = item.keys();
            for (int i = 0; i < keys.size() - 1; i++) {
                ArrayNode level = arrayAt(target, keys.get(i));
                ObjectNode next = JSON.objectNode();
                level.add(next);
                target = next;
            }
            String last = keys.get(keys.size() - 1);
            JsonNode value = freeForm(item.value());
            if (item.value() instanceof HclNode.ObjectValue) {
                arrayAt(target, last).add(value);
            } else {
                target.set(last, value);
            }
        }
        return out;
    }

    private static ArrayNode arrayAt(ObjectNode target, String key) {
        JsonNode existing = target.get(key);
        if (existing instanceof ArrayNode a) {
            return a;
        }
        return target.putArray(key);
    }
}
