package io.drover.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.hcl.HclNode;
import io.drover.model.GoDuration;
import io.drover.model.MultiError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one HCL block by {@link JobSpecSchema}'s rules into Nomad's API JSON, weakly typed as
 * Nomad's mapstructure decoding is ({@code "5"} fills an int, {@code "30s"} a duration). As
 * Nomad, a block's own keys are checked before its nested blocks are read, and every invalid key
 * of the first offending block is reported, prefixed with where the block is
 * ({@code group: 'web', task: 'app', invalid key: foo}).
 */
final class SpecBlockDecoder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Nomad's refusal of a block written twice where one is allowed ({@code %d}: how many). */
    private static final Map<String, String> ONLY_ONE = Map.ofEntries(
            Map.entry("reschedule", "only one 'reschedule' block allowed"),
            Map.entry("update", "only one 'update' block allowed"),
            Map.entry("migrate", "only one 'migrate' block allowed"),
            Map.entry("vault", "only one 'vault' block allowed per task"),
            Map.entry("periodic", "only one 'periodic' block allowed per job"),
            Map.entry("parameterized", "only one 'parameterized' block allowed per job"),
            Map.entry("ephemeral_disk", "only one 'ephemeral_disk' block allowed"),
            Map.entry("restart", "only one 'restart' block allowed"),
            Map.entry("scaling", "only one 'scaling' block allowed"),
            Map.entry("csi_plugin", "csi_plugin -> Expected single stanza, got %d"),
            Map.entry("logs", "only one logs block is allowed in a Task. Number of logs block found: %d"),
            Map.entry("dispatch_payload", "only one dispatch_payload block is allowed in a task. "
                    + "Number of dispatch_payload blocks found: %d"),
            Map.entry("lifecycle", "only one lifecycle block is allowed in a task. "
                    + "Number of lifecycle blocks found: %d"),
            Map.entry("resources", "only one 'resource' block allowed per task"),
            Map.entry("sidecar_service", "only one 'sidecar_service' block allowed per task"),
            Map.entry("sidecar_task", "only one 'sidecar_task' block allowed per task"),
            Map.entry("proxy", "only one 'proxy' block allowed per task"),
            Map.entry("network", "only one 'network' resource allowed"));

    private SpecBlockDecoder() {
    }

    /**
     * @param ownPrefix what Nomad puts before this block's invalid keys
     * @param childBase what Nomad puts before a nested block's {@code key ->}
     */
    static ObjectNode decode(String block, HclNode.ObjectValue body, String ownPrefix, String childBase)
            throws JobSpecException {
        Map<String, SpecRule> rules = JobSpecSchema.rules(block);
        List<String> invalid = new ArrayList<>();
        for (HclNode.Item item : body.items()) {
            SpecRule rule = rules.get(item.key());
            if (rule == null || (rule.kind() != SpecRule.Kind.BLOCK && item.keys().size() > 1)) {
                invalid.add(ownPrefix + "invalid key: " + item.key());
            }
        }
        if (!invalid.isEmpty()) {
            throw new JobSpecException(MultiError.format(invalid));
        }
        checkSingleBlocks(body, rules, childBase);
        ObjectNode out = JSON.objectNode();
        for (HclNode.Item item : body.items()) {
            SpecRule rule = rules.get(item.key());
            if (rule.kind() == SpecRule.Kind.BLOCK) {
                decodeNested(out, item, rule, childBase);
                continue;
            }
            JsonNode value = value(rule, item.value(), item.key());
            JsonNode previous = out.get(rule.jsonName());
            if (previous != null && previous.isObject() && value.isObject()) {
                ((ObjectNode) previous).setAll((ObjectNode) value);
            } else {
                out.set(rule.jsonName(), value);
            }
        }
        return out;
    }

    private static void checkSingleBlocks(HclNode.ObjectValue body, Map<String, SpecRule> rules, String childBase)
            throws JobSpecException {
        Map<String, Integer> counts = new HashMap<>();
        for (HclNode.Item item : body.items()) {
            if (rules.get(item.key()).kind() == SpecRule.Kind.BLOCK) {
                counts.merge(item.key(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String message = ONLY_ONE.get(e.getKey());
            if (e.getValue() > 1 && message != null) {
                throw new JobSpecException(MultiError.format(List.of(
                        childBase + e.getKey() + " -> " + String.format(message, e.getValue()))));
            }
        }
    }

    /** A nested block, with its label when it takes one; {@code out} receives it. */
    private static void decodeNested(ObjectNode out, HclNode.Item item, SpecRule rule, String childBase)
            throws JobSpecException {
        if (!(item.value() instanceof HclNode.ObjectValue body)) {
            throw new JobSpecException(item.key() + ": should be an object");
        }
        List<String> labels = item.keys().subList(1, item.keys().size());
        if (rule.labelField() != null && labels.size() != 1) {
            throw new JobSpecException(labels.isEmpty()
                    ? "'" + item.key() + "' block missing name" : "only one name may be specified for " + item.key());
        }
        String label = labels.isEmpty() ? null : labels.get(0);
        ObjectNode decoded;
        if (rule.block().equals("group")) {
            decoded = decode("group", body, "group: '" + label + "' -> ", "group: '" + label + "', ");
        } else if (rule.block().equals("task")) {
            String at = childBase.isEmpty() ? "task: '" + label + "', " : childBase + "task: '" + label + "', ";
            decoded = decode("task", body, at, at);
        } else {
            String at = childBase + item.key() + " -> ";
            // Nomad's parsers of these two blocks prefix their own key errors once more.
            boolean prefixedTwice = rule.block().equals("resources") || rule.block().equals("vault");
            String own = prefixedTwice ? at + item.key() + " -> " : at;
            decoded = decode(rule.block(), body, own, at);
        }
        if (label != null) {
            ObjectNode labelled = JSON.objectNode();
            labelled.put(rule.labelField(), label);
            labelled.setAll(decoded);
            decoded = labelled;
        }
        ApiValueFields.fill(rule.block(), decoded);
        if (rule.many()) {
            JsonNode list = out.get(rule.jsonName());
            if (list == null || !list.isArray()) {
                list = out.putArray(rule.jsonName());
            }
            if ((rule.block().equals("group") || rule.block().equals("task")) && hasName((ArrayNode) list, label)) {
                String where = rule.block().equals("group") ? "group: " : childBase + "task: ";
                throw new JobSpecException(MultiError.format(List.of(
                        where + item.key() + " '" + label + "' defined more than once")));
            }
            ((ArrayNode) list).add(decoded);
        } else {
            out.set(rule.jsonName(), decoded);
        }
    }

    private static boolean hasName(ArrayNode list, String name) {
        for (JsonNode e : list) {
            if (name.equals(e.path("Name").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode value(SpecRule rule, HclNode node, String key) throws JobSpecException {
        return switch (rule.kind()) {
            case STRING -> JSON.textNode(asString(scalar(node, key)));
            case INT -> JSON.numberNode(asLong(scalar(node, key), key));
            case BOOL -> JSON.booleanNode(asBool(scalar(node, key), key));
            case DURATION -> JSON.numberNode(asDuration(scalar(node, key), key));
            case STRING_LIST -> stringList(node, key);
            case STRING_MAP -> stringMap(node, key);
            case FREE_FORM -> freeForm(node);
            case BLOCK -> throw new IllegalStateException("blocks are decoded by decodeNested");
        };
    }

    private static Object scalar(HclNode node, String key) throws JobSpecException {
        if (node instanceof HclNode.Literal lit) {
            return lit.value();
        }
        if (node instanceof HclNode.ListValue list && list.elements().size() == 1
                && list.elements().get(0) instanceof HclNode.Literal lit) {
            return lit.value();
        }
        throw new JobSpecException(key + ": expected a single value");
    }

    private static String asString(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return String.valueOf(v);
    }

    private static long asLong(Object v, String key) throws JobSpecException {
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
            throw new JobSpecException("cannot parse '" + key + "' as int: strconv.ParseInt: parsing \""
                    + s + "\": invalid syntax");
        }
    }

    private static boolean asBool(Object v, String key) throws JobSpecException {
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
            default -> throw new JobSpecException("cannot parse '" + key + "' as bool: strconv.ParseBool: parsing \""
                    + s + "\": invalid syntax");
        };
    }

    private static long asDuration(Object v, String key) throws JobSpecException {
        if (v instanceof Long l) {
            return l;
        }
        try {
            return GoDuration.parseNanos(asString(v));
        } catch (RuntimeException e) {
            throw new JobSpecException("error decoding '" + key + "': time: invalid duration " + asString(v));
        }
    }

    private static ArrayNode stringList(HclNode node, String key) throws JobSpecException {
        ArrayNode out = JSON.arrayNode();
        if (node instanceof HclNode.Literal lit) {
            out.add(asString(lit.value()));
            return out;
        }
        if (!(node instanceof HclNode.ListValue list)) {
            throw new JobSpecException(key + ": expected a list");
        }
        for (HclNode e : list.elements()) {
            out.add(asString(scalar(e, key)));
        }
        return out;
    }

    private static ObjectNode stringMap(HclNode node, String key) throws JobSpecException {
        ObjectNode out = JSON.objectNode();
        List<HclNode> objects = node instanceof HclNode.ListValue list ? list.elements() : List.of(node);
        for (HclNode o : objects) {
            if (!(o instanceof HclNode.ObjectValue obj)) {
                throw new JobSpecException(key + ": should be an object");
            }
            for (HclNode.Item item : obj.items()) {
                out.put(String.join(".", item.keys()), asString(scalar(item.value(), item.key())));
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
