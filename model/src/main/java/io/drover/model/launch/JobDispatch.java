package io.drover.model.launch;

import io.drover.model.Job;
import io.drover.model.ParameterizedJobConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Nomad's dispatch of a parameterized job: what a request must satisfy, and the child job it
 * creates. Both are pure: the caller chooses the child's ID and time, so the leader decides
 * them once, before the Raft entry.
 */
public final class JobDispatch {
    /** Nomad's DispatchPayloadSizeLimit: the decoded payload, in bytes. */
    public static final int PAYLOAD_SIZE_LIMIT = 16 * 1024;
    /** What separates a dispatched child's ID from its parent's. */
    public static final String ID_SUFFIX = "/dispatch-";

    private JobDispatch() {
    }

    /**
     * Why Nomad would refuse to dispatch {@code parent} with this payload and meta, or null if it
     * would not. Keys are listed sorted, where Go lists them in map order.
     */
    public static String validate(Job parent, byte[] payload, Map<String, String> meta) {
        ParameterizedJobConfig config = Objects.requireNonNull(parent.parameterizedJob, "parameterized job");
        boolean hasPayload = payload != null && payload.length > 0;
        if (ParameterizedJobConfig.PAYLOAD_REQUIRED.equals(config.payload) && !hasPayload) {
            return "Payload is not provided but required by parameterized job";
        }
        if (ParameterizedJobConfig.PAYLOAD_FORBIDDEN.equals(config.payload) && hasPayload) {
            return "Payload provided but forbidden by parameterized job";
        }
        if (hasPayload && payload.length > PAYLOAD_SIZE_LIMIT) {
            return "Payload exceeds maximum size; " + payload.length + " > " + PAYLOAD_SIZE_LIMIT;
        }
        List<String> required = config.metaRequired == null ? List.of() : config.metaRequired;
        List<String> optional = config.metaOptional == null ? List.of() : config.metaOptional;
        Map<String, String> given = meta == null ? Map.of() : meta;
        TreeSet<String> unpermitted = new TreeSet<>();
        for (String key : given.keySet()) {
            if (!required.contains(key) && !optional.contains(key)) {
                unpermitted.add(key);
            }
        }
        if (!unpermitted.isEmpty()) {
            return "Dispatch request included unpermitted metadata keys: " + goList(unpermitted);
        }
        TreeSet<String> missing = new TreeSet<>();
        for (String key : required) {
            if (!given.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            return "Dispatch did not provide required meta keys: " + goList(missing);
        }
        return null;
    }

    /** Nomad's DispatchedID: {@code <parent>/dispatch-<unix seconds>-<first 8 of a UUID>}. */
    public static String childId(String parentId, long unixSeconds, String uuid) {
        return parentId + ID_SUFFIX + unixSeconds + "-" + uuid.substring(0, 8);
    }

    /**
     * The child job a dispatch registers: a copy of the parent under {@code childId}, marked
     * dispatched (so it is scheduled, while its ParameterizedJob stays, as Nomad keeps it), the
     * request's meta merged over the parent's, and the payload Snappy-compressed as Nomad stores it.
     */
    public static Job child(Job parent, String childId, long submitTimeNanos, byte[] payload,
            Map<String, String> meta, String idempotencyToken) {
        Job child = parent.copy();
        child.id = childId;
        child.name = childId;
        child.parentId = parent.id;
        child.dispatched = true;
        child.submitTime = submitTimeNanos;
        child.status = "";
        child.statusDescription = "";
        child.dispatchIdempotencyToken = idempotencyToken == null || idempotencyToken.isEmpty()
                ? null : idempotencyToken;
        if (meta != null && !meta.isEmpty()) {
            Map<String, String> merged = child.meta == null ? new HashMap<>() : new HashMap<>(child.meta);
            merged.putAll(meta);
            child.meta = merged;
        }
        child.payload = JobPayload.compress(payload == null ? new byte[0] : payload);
        return child;
    }

    /** Go's {@code %v} of a string slice: {@code [a b c]}. */
    private static String goList(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(out::add);
        return "[" + String.join(" ", out) + "]";
    }
}
