package io.drover.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Comparisons of job specifications. */
public final class JobSpecs {
    private JobSpecs() {
    }

    /**
     * Whether {@code updated} differs from {@code existing} in anything a user specifies, as
     * Nomad's {@code Job.SpecChanged}: status, stability, version, submit time and indexes are
     * ignored.
     */
    public static boolean specChanged(Job existing, Job updated) {
        return !specOf(existing).equals(specOf(updated));
    }

    private static JsonNode specOf(Job job) {
        ObjectNode node = NomadJson.mapper().valueToTree(job);
        for (String f : new String[] {"Status", "StatusDescription", "Stable", "Version", "SubmitTime",
                "CreateIndex", "ModifyIndex", "JobModifyIndex"}) {
            node.remove(f);
        }
        return node;
    }
}
