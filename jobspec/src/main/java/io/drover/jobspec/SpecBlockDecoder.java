package io.drover.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.hcl.HclNode;
import io.drover.hcl.HclPos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes one HCL block by {@link JobSpecSchema}'s rules into Nomad's API JSON, in Nomad's order:
 * the block's own keys are checked (every invalid key of the block reported at once), its values
 * decoded ({@link SpecValues}), then its nested blocks, key by key. Errors are worded and
 * prefixed as Nomad's parse functions do ({@link ErrorPrefixes}), and name where in the file
 * the key, block or label they refuse was written (a block written once too often: the first
 * surplus one).
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
            Map.entry("check_restart", "check_restart '%n': cannot have more than 1 check_restart"),
            Map.entry("connect", "connect '%n': cannot have more than 1 connect stanza"),
            Map.entry("sidecar_service", "only one 'sidecar_service' block allowed per task"),
            Map.entry("sidecar_task", "only one 'sidecar_task' block allowed per task"),
            Map.entry("proxy", "only one 'proxy' block allowed per task"),
            Map.entry("expose", "only 1 expose object supported"),
            Map.entry("network", "only one 'network' resource allowed"));
    /** Free-form values Nomad takes once only, though HCL would merge repeated blocks. */
    private static final Map<String, String> ONE_VALUE = Map.of(
            "scaling.policy", "only one 'policy' block allowed per 'scaling' block",
            "proxy.config", "only 1 meta object supported");
    /** Blocks whose API structs tag every field, even those named as the key is. */
    private static final Set<String> TAGGED = Set.of("reschedule", "update", "lifecycle", "check_restart", "csi_plugin");
    /** Blocks whose keys Nomad never checks: what it does not know, it ignores. */
    private static final Set<String> UNCHECKED = Set.of("port", "csi_plugin");
    /**
     * Blocks Nomad decodes with HCL's own struct decoding, which reports keys it did not use
     * ({@code unexpected keys a, b}, after the nested struct's name) instead of invalid ones.
     */
    private static final Map<String, String> UNUSED_KEYS = Map.of("volume", "", "mount_options", "mount_options ");
    /** Nomad's refusal of a labelled block written without its label; absent: the block is ignored. */
    private static final Map<String, String> MISSING_LABEL = Map.of(
            "port", "ports must be named",
            "device", "missing device name",
            "target", "missing spread target",
            "volume", "'volume' block missing name");

    private SpecBlockDecoder() {
    }

    /**
     * @param name the block's label (null when it has none): a service or check is named by its
     *     {@code name} key instead
     * @param index where the block is among its siblings of the same key
     */
    static ObjectNode decode(String block, HclNode.ObjectValue body, String name, int index)
            throws JobSpecException {
        Map<String, SpecRule> rules = JobSpecSchema.rules(block);
        checkKeys(block, body, rules, name, index);
        ObjectNode out = JSON.objectNode();
        Map<String, List<HclNode.Item>> nested = new LinkedHashMap<>();
        for (HclNode.Item item : body.items()) {
            SpecRule rule = rules.get(item.key());
            if (rule == null) {
                continue;
            }
            if (rule.kind() == SpecRule.Kind.BLOCK) {
                nested.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(item);
                continue;
            }
            JsonNode value = SpecValues.value(rule, item.value(), fieldName(block, item.key(), rule));
            JsonNode previous = out.get(rule.jsonName());
            String once = ONE_VALUE.get(block + "." + item.key());
            if (previous != null && once != null) {
                throw new JobSpecException(once, item.pos());
            }
            if (previous != null && previous.isObject() && value.isObject()) {
                merge(rule, (ObjectNode) previous, (ObjectNode) value);
            } else {
                out.set(rule.jsonName(), value);
            }
        }
        String self = name != null ? name : out.path("Name").asText("");
        for (Map.Entry<String, List<HclNode.Item>> e : nested.entrySet()) {
            String key = e.getKey();
            List<HclNode.Item> items = e.getValue();
            if (ErrorPrefixes.countedByParent(key)) {
                checkCount(key, items, self);
            }
            try {
                decodeList(block, rules.get(key), key, items, out);
            } catch (JobSpecException failure) {
                throw ErrorPrefixes.list(block, key, self, failure);
            }
        }
        return out;
    }

    /**
     * How mapstructure names a field in its refusals: by its tag, which is the HCL key, where the
     * API struct has one; otherwise by the Go field's name.
     */
    private static String fieldName(String block, String key, SpecRule rule) {
        boolean tagged = !key.equalsIgnoreCase(rule.jsonName()) || TAGGED.contains(block);
        return tagged ? key : rule.jsonName();
    }

    private static void merge(SpecRule rule, ObjectNode previous, ObjectNode value) {
        if (rule.kind() != SpecRule.Kind.HEADER) {
            previous.setAll(value);
            return;
        }
        value.fields().forEachRemaining(h -> {
            if (previous.get(h.getKey()) instanceof ArrayNode values) {
                values.addAll((ArrayNode) h.getValue());
            } else {
                previous.set(h.getKey(), h.getValue());
            }
        });
    }

    private static void checkKeys(String block, HclNode.ObjectValue body, Map<String, SpecRule> rules, String name,
            int index) throws JobSpecException {
        if (UNCHECKED.contains(block)) {
            return;
        }
        List<HclNode.Item> invalid = new ArrayList<>();
        for (HclNode.Item item : body.items()) {
            SpecRule rule = rules.get(item.key());
            if (rule == null || (rule.kind() != SpecRule.Kind.BLOCK && item.keys().size() > 1)) {
                invalid.add(item);
            }
        }
        if (invalid.isEmpty()) {
            return;
        }
        if (UNUSED_KEYS.containsKey(block)) {
            // One sentence for all of them, as Nomad's: it names where the first one is.
            String keys = String.join(", ", invalid.stream().map(HclNode.Item::key).toList());
            throw new JobSpecException(UNUSED_KEYS.get(block) + "unexpected keys " + keys, invalid.get(0).pos());
        }
        throw ErrorPrefixes.own(block, name, index, JobSpecException.multi(invalid.stream()
                .map(i -> JobSpecException.located("invalid key: " + i.key(), i.pos())).toList()));
    }

    private static void checkCount(String key, List<HclNode.Item> items, String parentName) throws JobSpecException {
        String message = ONLY_ONE.get(key);
        if (items.size() > 1 && message != null) {
            throw new JobSpecException(String.format(message.replace("%n", parentName), items.size()),
                    items.get(1).pos());
        }
    }

    /** The nested blocks under one key; {@code out} receives them. */
    private static void decodeList(String parent, SpecRule rule, String key, List<HclNode.Item> items, ObjectNode out)
            throws JobSpecException {
        if (!ErrorPrefixes.countedByParent(key)) {
            checkCount(key, items, "");
        }
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (HclNode.Item item : items) {
            String label = label(rule, item, index);
            if (rule.labelField() != null && label == null) {
                index++;
                continue;
            }
            if (label != null && !seen.add(label) && Set.of("group", "task", "target").contains(rule.block())) {
                throw new JobSpecException(key + " '" + label + "' defined more than once", item.keyPositions().get(1));
            }
            ObjectNode decoded;
            try {
                decoded = decodeOne(rule, item, label, index);
            } catch (JobSpecException failure) {
                throw ErrorPrefixes.item(parent, key, label, index, failure);
            }
            if (rule.many()) {
                JsonNode list = out.get(rule.jsonName());
                (list instanceof ArrayNode a ? a : out.putArray(rule.jsonName())).add(decoded);
            } else {
                out.set(rule.jsonName(), decoded);
            }
            index++;
        }
    }

    /** The label of a labelled block, null for one Nomad skips; refusals as Nomad's. */
    private static String label(SpecRule rule, HclNode.Item item, int index) throws JobSpecException {
        if (rule.labelField() == null) {
            return null;
        }
        List<String> labels = item.keys().subList(1, item.keys().size());
        String block = rule.block();
        if (block.equals("device") && labels.size() != 1) {
            String why = labels.isEmpty() ? "missing device name" : "only one name may be specified";
            throw new JobSpecException("resources, device[" + index + "]-> " + why, surplusLabel(item));
        }
        if (block.equals("target") && labels.size() != 1) {
            throw new JobSpecException(MISSING_LABEL.get(block), surplusLabel(item));
        }
        if (labels.isEmpty()) {
            if (MISSING_LABEL.containsKey(block)) {
                throw new JobSpecException(MISSING_LABEL.get(block), item.pos());
            }
            return null;
        }
        return labels.get(0);
    }

    /** Where a block given the wrong number of labels goes wrong: its second label, or its key. */
    private static HclPos surplusLabel(HclNode.Item item) {
        return item.keys().size() > 2 ? item.keyPositions().get(2) : item.pos();
    }

    private static ObjectNode decodeOne(SpecRule rule, HclNode.Item item, String label, int index)
            throws JobSpecException {
        if (!(item.value() instanceof HclNode.ObjectValue body)) {
            throw new JobSpecException(item.key() + ": should be an object", item.value().pos());
        }
        ObjectNode decoded = decode(rule.block(), body, label, index);
        if (label != null) {
            ObjectNode labelled = JSON.objectNode();
            labelled.put(rule.labelField(), label);
            // A device's or job's own name key, decoded after the label, wins as in Nomad.
            labelled.setAll(decoded);
            decoded = labelled;
        }
        if (rule.block().equals("network")) {
            try {
                NetworkPorts.split(decoded, NetworkPorts.labelPositions(body));
            } catch (JobSpecException e) {
                throw e.prefixed("network, ports ->");
            }
        }
        ApiValueFields.fill(rule.block(), decoded);
        return decoded;
    }
}
