package io.drover.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real jobs, as a Nomad user writes them, made hostile: a value replaced by one of the wrong type,
 * a null, a huge or negative number, an unknown enum, deep nesting; keys dropped or recased; then,
 * sometimes, the text itself cut short or corrupted. Each mutation is driven by the generator's
 * {@link Random}, so jqwik's seed replays it.
 */
final class JsonMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Placeholders for literals Jackson cannot hold, replaced in the text: not JSON, or out of range. */
    private static final List<String> RAW_LITERALS = List.of("1e309", "-1e400", "NaN", "Infinity", "01", ".5", "1.",
            "+1", "0x10", "-", "tru", "nul", "\"\\ud800\"", "\"\\u00\"", "\"\\q\"", "123456789012345678901234567890",
            "1E+2", "-0", "\"\t\"");

    static final List<String> TEMPLATES = List.of(
            // A service job with most of what a job can say.
            """
            {"Job":{"ID":"hostile","Name":"hostile","Type":"service","Priority":50,"Datacenters":["dc1"],
             "Meta":{"owner":"ops"},"Constraints":[{"LTarget":"${attr.kernel.name}","RTarget":"linux","Operand":"="}],
             "Affinities":[{"LTarget":"${node.datacenter}","RTarget":"dc1","Operand":"=","Weight":50}],
             "Spreads":[{"Attribute":"${node.datacenter}","Weight":50,"SpreadTarget":[{"Value":"dc1","Percent":100}]}],
             "Update":{"MaxParallel":1,"Stagger":1000000000,"HealthCheck":"checks","MinHealthyTime":1000000000},
             "TaskGroups":[{"Name":"web","Count":2,"Meta":{"tier":"front"},
               "RestartPolicy":{"Attempts":2,"Interval":60000000000,"Delay":1000000000,"Mode":"fail"},
               "ReschedulePolicy":{"Attempts":1,"Interval":60000000000,"Delay":1000000000,"DelayFunction":"constant","Unlimited":false},
               "EphemeralDisk":{"SizeMB":100,"Sticky":false},"Migrate":{"MaxParallel":1},
               "Networks":[{"Mode":"host","ReservedPorts":[{"Label":"http","Value":8080}],"DynamicPorts":[{"Label":"admin"}]}],
               "Scaling":{"Min":1,"Max":3,"Enabled":true,"Policy":{"cooldown":"1m"}},
               "Services":[{"Name":"web","PortLabel":"http","Tags":["a"],"Checks":[{"Type":"tcp","Interval":1000000000,"Timeout":1000000000}]}],
               "Volumes":{"data":{"Name":"data","Type":"host","Source":"data","ReadOnly":true}},
               "Tasks":[{"Name":"server","Driver":"mock_driver","Config":{"run_for":"1s","exit_code":0},
                 "Env":{"PORT":"8080"},"User":"","KillTimeout":1000000000,"ShutdownDelay":0,"Leader":false,
                 "Resources":{"CPU":100,"MemoryMB":32,"Networks":[{"MBits":1}],"Devices":[{"Name":"gpu","Count":1}]},
                 "LogConfig":{"MaxFiles":2,"MaxFileSizeMB":5},
                 "Templates":[{"EmbeddedTmpl":"port={{ env \\"PORT\\" }}","DestPath":"local/app.env","ChangeMode":"restart","Envvars":true}],
                 "Artifacts":[{"GetterSource":"https://example.com/app.tar.gz","RelativeDest":"local/","GetterOptions":{"checksum":"sha256:00"}}],
                 "Lifecycle":{"Hook":"prestart","Sidecar":false},
                 "Services":[{"Name":"server","PortLabel":"admin"}],
                 "VolumeMounts":[{"Volume":"data","Destination":"/data","ReadOnly":true}]}]}]}}
            """,
            // A periodic batch job.
            """
            {"Job":{"ID":"hostile","Type":"batch","Datacenters":["dc1"],
             "Periodic":{"Enabled":true,"Spec":"*/15 * * * *","SpecType":"cron","ProhibitOverlap":true,"TimeZone":"Europe/Berlin"},
             "TaskGroups":[{"Name":"g","Count":1,"Tasks":[{"Name":"t","Driver":"raw_exec",
               "Config":{"command":"/bin/true","args":["-x"]},"Resources":{"CPU":20,"MemoryMB":10}}]}]}}
            """,
            // A parameterized batch job.
            """
            {"Job":{"ID":"hostile","Type":"batch","Datacenters":["dc1"],
             "ParameterizedJob":{"Payload":"required","MetaRequired":["input"],"MetaOptional":["mode"]},
             "TaskGroups":[{"Name":"g","Count":1,"Tasks":[{"Name":"t","Driver":"mock_driver","Config":{"run_for":"1s"},
               "DispatchPayload":{"File":"input.txt"},"Resources":{"CPU":20,"MemoryMB":10}}]}]}}
            """,
            // A system job.
            """
            {"Job":{"ID":"hostile","Type":"system","Datacenters":["dc1","dc2"],"Priority":70,"AllAtOnce":true,
             "TaskGroups":[{"Name":"agent","Tasks":[{"Name":"t","Driver":"exec","Config":{"command":"/bin/sleep","args":["60"]},
               "Resources":{"CPU":50,"MemoryMB":16}}]}]}}
            """);

    private JsonMutations() {
    }

    /** A template, mutated one to three times; for a register, its ID made one Nomad refuses. */
    static String mutatedJob(Random random, boolean forRegister) {
        JsonNode root = parse(TEMPLATES.get(random.nextInt(TEMPLATES.size())));
        List<String> raws = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            root = mutateTree(root, random, raws);
        }
        if (forRegister) {
            refuseId(root);
        }
        String text = write(root);
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"__RAW_" + i + "__\"", raws.get(i));
        }
        return random.nextInt(4) == 0 ? mutateText(text, random) : text;
    }

    /**
     * Every ID of every job in the body (keys match as Go matches them, by case) becomes one with a
     * space, which no job may have: a register of it is refused whatever else the mutations did.
     */
    static void refuseId(JsonNode root) {
        if (!(root instanceof ObjectNode top)) {
            return;
        }
        for (Map.Entry<String, JsonNode> job : top.properties()) {
            if (job.getKey().equalsIgnoreCase("job") && job.getValue() instanceof ObjectNode body) {
                for (Map.Entry<String, JsonNode> field : body.properties()) {
                    if (field.getKey().equalsIgnoreCase("id") && field.getValue().isTextual()) {
                        field.setValue(NODES.textNode("hostile job"));
                    }
                }
            }
        }
    }

    static JsonNode mutateTree(JsonNode root, Random random, List<String> raws) {
        List<JsonNode> parents = new ArrayList<>();
        collectContainers(root, parents);
        if (parents.isEmpty()) {
            // An earlier mutation left a bare value: wrap it, so there is something to mutate.
            return NODES.arrayNode().add(root);
        }
        JsonNode parent = parents.get(random.nextInt(parents.size()));
        int op = random.nextInt(10);
        if (parent instanceof ObjectNode obj && obj.size() > 0) {
            List<String> keys = new ArrayList<>();
            obj.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(random.nextInt(keys.size()));
            switch (op) {
                case 0 -> obj.remove(key);
                case 1 -> {
                    JsonNode v = obj.remove(key);
                    obj.set(recase(key, random), v);
                }
                case 2 -> obj.set(randomKey(random), hostileValue(random, raws));
                default -> obj.set(key, hostileValue(random, raws));
            }
        } else if (parent instanceof ArrayNode arr && arr.size() > 0) {
            int i = random.nextInt(arr.size());
            switch (op) {
                case 0 -> arr.remove(i);
                case 1 -> arr.add(arr.get(i).deepCopy());
                default -> arr.set(i, hostileValue(random, raws));
            }
        } else if (random.nextInt(20) == 0) {
            return hostileValue(random, raws);
        }
        return root;
    }

    /** A value of any type, null, an out-of-range or non-JSON literal, a long string, deep nesting. */
    static JsonNode hostileValue(Random random, List<String> raws) {
        return switch (random.nextInt(24)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.numberNode(-1 - random.nextInt(1000));
            case 4 -> NODES.numberNode(Integer.MAX_VALUE);
            case 5 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            case 6 -> NODES.numberNode(Long.MAX_VALUE);
            case 7 -> NODES.numberNode(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
            case 8 -> NODES.numberNode(Long.MIN_VALUE);
            case 9 -> NODES.numberNode(random.nextBoolean() ? 1e308 : -1e308);
            case 10 -> NODES.numberNode(random.nextBoolean() ? 1.5 : -0.0);
            case 11 -> NODES.textNode("");
            case 12 -> NODES.textNode("x".repeat(random.nextInt(100_000)));
            case 13 -> NODES.textNode(Strings.odd(random));
            case 14 -> NODES.textNode(Strings.pick(random, "service", "batch", "system", "sysbatch", "bogus", "fail",
                    "delay", "host", "bridge", "cni/x", "prestart", "poststop", "raw_exec", "exec", "docker",
                    "required", "optional", "forbidden", "cron", "=", "distinct_hosts", "regexp", "version", "semver",
                    "set_contains", "is_set", "-1s", "1h", "30s", "constant", "exponential", "fibonacci", "restart",
                    "noop", "signal", "eligible", "ineligible", "checks", "task_states", "none"));
            case 15 -> NODES.arrayNode();
            case 16 -> NODES.objectNode();
            case 17 -> NODES.arrayNode().add(NODES.nullNode());
            case 18 -> NODES.objectNode().putNull("a");
            case 19 -> deep(random, 1 + random.nextInt(random.nextBoolean() ? 60 : 700));
            case 20 -> wide(random);
            case 21 -> NODES.arrayNode().add(1).add("a").add(NODES.nullNode()).add(NODES.objectNode());
            default -> {
                raws.add(RAW_LITERALS.get(random.nextInt(RAW_LITERALS.size())));
                yield NODES.textNode("__RAW_" + (raws.size() - 1) + "__");
            }
        };
    }

    /** Objects and lists nested {@code depth} levels. */
    static JsonNode deep(Random random, int depth) {
        JsonNode inner = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            inner = random.nextBoolean() ? NODES.arrayNode().add(inner) : NODES.objectNode().set("k", inner);
        }
        return inner;
    }

    /** A long flat list or map. */
    static JsonNode wide(Random random) {
        int n = 1 + random.nextInt(random.nextBoolean() ? 100 : 30_000);
        if (random.nextBoolean()) {
            ArrayNode a = NODES.arrayNode();
            for (int i = 0; i < n; i++) {
                a.add(i);
            }
            return a;
        }
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < n; i++) {
            o.put("k" + i, "v");
        }
        return o;
    }

    /** The text itself damaged: cut short, a byte changed, bad UTF-8, a key repeated, junk after it. */
    static String mutateText(String text, Random random) {
        if (text.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(7)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + (char) random.nextInt(128) + text.substring(Math.min(text.length(), at + 1));
            case 2 -> text.substring(0, at) + "\uFFFD\u0000\u00ff" + text.substring(at);
            case 3 -> text.replaceFirst("\"ID\":", "\"ID\":\"dup\",\"ID\":");
            case 4 -> text + " trailing garbage {";
            case 5 -> text.replace(':', '=');
            default -> "[" + text + "]";
        };
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectContainers(it.next(), out);
            }
        }
    }

    private static String recase(String key, Random random) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static String randomKey(Random random) {
        return Strings.pick(random, "ID", "Count", "Tasks", "TaskGroups", "Job", "Meta", "Config", "Resources",
                "Periodic", "ParameterizedJob", "Update", "Payload", "Stop", "Status", "Version", "CreateIndex",
                "ModifyIndex", "JobModifyIndex", "Namespace", "Region", "Datacenters", "Type", "Priority", "", "\u0000",
                "id", "iD", "\u212aey");
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return new String(JSON.writeValueAsBytes(node), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
