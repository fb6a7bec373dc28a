package io.drover.jobspec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.hcl.HclNode;
import io.drover.hcl.HclParser;
import io.drover.hcl.HclSyntaxException;
import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import io.drover.model.validate.MultiError;
import java.util.ArrayList;
import java.util.List;

/**
 * Nomad 0.11's {@code jobspec.Parse}: an HCL job file to the API job, as {@code nomad job run}
 * and {@code POST /v1/jobs/parse} see it. Nothing is defaulted here: fields the file leaves out
 * stay null ({@code Canonicalize} is the caller's choice). Errors carry Nomad's messages, and
 * those about the job block and what is inside it also name where in the file (see
 * {@link JobSpecException}); the file-level refusals (a key other than {@code job}, no job, two
 * jobs) stay exactly Nomad's, as recorded from a real Nomad.
 */
public final class JobSpecParser {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JobSpecParser() {
    }

    /**
     * @throws JobSpecException with Nomad's message (the body of its 400) for a source that is not
     *     HCL1, has no single {@code job} block, or has keys or values the job-spec refuses
     */
    public static Job parse(String hcl) throws JobSpecException {
        HclNode.ObjectValue root;
        try {
            root = HclParser.parse(hcl);
        } catch (HclSyntaxException e) {
            throw new JobSpecException("error parsing: " + e.getMessage());
        }
        List<String> invalid = new ArrayList<>();
        List<HclNode.Item> jobs = new ArrayList<>();
        for (HclNode.Item item : root.items()) {
            if (item.key().equals("job")) {
                jobs.add(item);
            } else {
                invalid.add("invalid key: " + item.key());
            }
        }
        if (!invalid.isEmpty()) {
            throw new JobSpecException(MultiError.format(invalid));
        }
        if (jobs.isEmpty()) {
            throw new JobSpecException("'job' stanza not found");
        }
        try {
            return NomadJson.mapper().treeToValue(jobJson(jobs), Job.class);
        } catch (JobSpecException e) {
            throw new JobSpecException("error parsing 'job': " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new JobSpecException("error parsing 'job': " + e.getOriginalMessage());
        }
    }

    private static ObjectNode jobJson(List<HclNode.Item> jobs) throws JobSpecException {
        if (jobs.size() != 1) {
            throw new JobSpecException("only one 'job' block allowed");
        }
        HclNode.Item item = jobs.get(0);
        if (item.keys().size() < 2) {
            throw new JobSpecException("'job' block missing name", item.pos());
        }
        String name = item.keys().get(1);
        if (!(item.value() instanceof HclNode.ObjectValue body)) {
            throw new JobSpecException("job '" + name + "' value: should be an object", item.value().pos());
        }
        ObjectNode decoded = SpecBlockDecoder.decode("job", body, name, 0);
        ObjectNode job = JSON.objectNode();
        job.put("ID", name);
        job.put("Name", name);
        job.put("Dispatched", false);
        job.setAll(decoded);
        shapeJob(job);
        return job;
    }

    /** Where Nomad's parser reshapes what a block says into the API's structure. */
    private static void shapeJob(ObjectNode job) throws JobSpecException {
        JsonNode tasks = job.remove("Tasks");
        if (tasks != null) {
            // A task directly in a job is a group of its own, named after it, ahead of the groups.
            ArrayNode groups = JSON.arrayNode();
            for (JsonNode task : tasks) {
                ObjectNode group = JSON.objectNode();
                group.put("Name", task.get("Name").asText());
                group.putArray("Tasks").add(task);
                groups.add(group);
            }
            if (job.get("TaskGroups") instanceof ArrayNode declared) {
                groups.addAll(declared);
            }
            job.set("TaskGroups", groups);
        }
        JsonNode vault = job.remove("Vault");
        shapeConstraints(job);
        if (job.get("Periodic") instanceof ObjectNode periodic && periodic.has("Spec")) {
            periodic.put("SpecType", "cron");
        }
        for (JsonNode g : iter(job.get("TaskGroups"))) {
            ObjectNode group = (ObjectNode) g;
            JsonNode groupVault = group.remove("Vault");
            shapeConstraints(group);
            if (group.get("Volumes") instanceof ArrayNode volumes) {
                ObjectNode byName = JSON.objectNode();
                for (JsonNode v : volumes) {
                    byName.set(v.get("Name").asText(), v);
                }
                group.set("Volumes", byName);
            }
            for (JsonNode t : iter(group.get("Tasks"))) {
                ObjectNode task = (ObjectNode) t;
                shapeConstraints(task);
                // A job's or group's vault block is every task's that has none of its own.
                if (!task.has("Vault") && (groupVault != null || vault != null)) {
                    task.set("Vault", (groupVault != null ? groupVault : vault).deepCopy());
                }
                if (task.get("Resources") instanceof ObjectNode resources) {
                    for (JsonNode d : iter(resources.get("Devices"))) {
                        shapeConstraints((ObjectNode) d);
                    }
                }
            }
        }
    }

    private static Iterable<JsonNode> iter(JsonNode node) {
        return node == null ? List.of() : node;
    }

    private static void shapeConstraints(ObjectNode owner) {
        if (owner.get("Constraints") instanceof ArrayNode constraints) {
            ArrayNode shaped = JSON.arrayNode();
            for (JsonNode c : constraints) {
                ObjectNode s = ConstraintShape.constraint((ObjectNode) c);
                if (s != null) {
                    shaped.add(s);
                }
            }
            owner.set("Constraints", shaped);
        }
        if (owner.get("Affinities") instanceof ArrayNode affinities) {
            ArrayNode shaped = JSON.arrayNode();
            for (JsonNode a : affinities) {
                shaped.add(ConstraintShape.affinity((ObjectNode) a));
            }
            owner.set("Affinities", shaped);
        }
    }

}
