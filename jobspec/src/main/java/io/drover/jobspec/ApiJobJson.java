package io.drover.jobspec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a job as Nomad's agent answers {@code /v1/jobs/parse}: the API struct ({@code api.Job}),
 * whose fields come out in alphabetical order, with the API-only Reschedule and Migrate of the
 * job. Free-form maps (a driver's Config, Meta, Env ...) keep the order they were written in.
 */
public final class ApiJobJson {
    /** Maps whose keys are the user's, not struct fields: left as they are. */
    private static final Set<String> USER_MAPS = Set.of("Config", "Meta", "Env", "GetterOptions",
            "GetterHeaders", "Header", "CanaryMeta", "Policy", "Volumes");
    /** Fields of the model that Nomad 0.11's API struct does not have (or omits when empty). */
    private static final Set<String> NOT_IN_API = Set.of("DispatchIdempotencyToken");

    /** Nomad's mapping, but writing the API-only fields too (a job's Reschedule, a service's Id ...). */
    private static final ObjectMapper API_FIELDS = NomadJson.mapper().copy()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public JsonProperty.Access findPropertyAccess(Annotated annotated) {
                    return JsonProperty.Access.AUTO;
                }
            });

    private ApiJobJson() {
    }

    public static String write(Job job) {
        ObjectNode tree = API_FIELDS.valueToTree(job);
        return sorted(tree).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(e -> elements.add(sorted(e)));
            return NomadJson.mapper().createArrayNode().addAll(elements);
        }
        if (!node.isObject()) {
            return node;
        }
        TreeMap<String, JsonNode> fields = new TreeMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("CSIPluginConfig") && e.getValue().isNull()) {
                // Nomad 0.11's API tags it omitempty: absent, not null, when the task has none.
                return;
            }
            if (NOT_IN_API.contains(e.getKey())) {
                return;
            }
            JsonNode v = e.getValue();
            if (USER_MAPS.contains(e.getKey()) && v.isObject()) {
                ObjectNode kept = NomadJson.mapper().createObjectNode();
                v.fields().forEachRemaining(f -> kept.set(f.getKey(), sorted(f.getValue())));
                fields.put(e.getKey(), kept);
            } else {
                fields.put(e.getKey(), sorted(v));
            }
        });
        ObjectNode out = NomadJson.mapper().createObjectNode();
        fields.forEach(out::set);
        return out;
    }
}
