package io.drover.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Bodies a real Nomad 0.11.3 answered (test resources under {@code nomad-0.11.3/}), and objects made from them. */
public final class Reference {
    public static final String NODE_ID = "99e2379b-6c93-6312-2ddb-935bd1590ac0";
    public static final String ALLOC_ID = "034a8d7a-3d5d-f20c-291c-f861e25a0745";
    public static final String EVAL_ID = "6fa66e67-3736-32e4-c842-f4c4f2c1b91e";

    private Reference() {
    }

    /** A recorded response body as a JSON tree. */
    public static JsonNode json(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/nomad-0.11.3/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded body " + name);
            }
            return NomadJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node of 003_node_read, with the secret Nomad keeps from readers. */
    public static Node node() {
        Node node = convert(json("003_node_read"), Node.class);
        node.secretId = "9b8a2d4e-0000-4000-8000-000000000001";
        return node;
    }

    /**
     * The allocation listed in 008_job_allocations, attached to the batch job it ran, with its
     * task events' display messages left empty as a node agent reports them.
     */
    public static Allocation sleepBatchAllocation() {
        ObjectNode stub = (ObjectNode) json("008_job_allocations").get(0).deepCopy();
        stub.remove("JobType");
        stub.remove("JobVersion");
        stub.get("TaskStates").forEach(state -> state.get("Events")
                .forEach(event -> ((ObjectNode) event).put("DisplayMessage", "")));
        Allocation alloc = convert(stub, Allocation.class);
        alloc.job = Jobs.batch("sleep-batch");
        return alloc;
    }

    private static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return NomadJson.mapper().treeToValue(tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
