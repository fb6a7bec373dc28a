package io.drover.model;

/**
 * Fills a submitted job with Nomad's defaults, as Nomad's HTTP agent does before a register:
 * the API client's {@code Canonicalize}, the conversion to the server's struct, and the
 * struct's own {@code Canonicalize}.
 */
public final class JobCanonicalizer {
    private JobCanonicalizer() {
    }

    /** Canonicalizes {@code job} in place. */
    public static void canonicalize(Job job) {
        if (job.name == null) {
            job.name = job.id;
        }
        if (job.namespace == null || job.namespace.isEmpty()) {
            job.namespace = "default";
        }
        if (job.region == null || job.region.isEmpty()) {
            job.region = "global";
        }
        if (job.type == null || job.type.isEmpty()) {
            job.type = Job.TYPE_SERVICE;
        }
        if (job.priority == null) {
            job.priority = Job.DEFAULT_PRIORITY;
        }
        if (job.parentId == null) {
            job.parentId = "";
        }
        if (job.stop == null) {
            job.stop = false;
        }
        if (job.status == null) {
            job.status = "";
        }
        if (job.statusDescription == null) {
            job.statusDescription = "";
        }
        if (job.stable == null) {
            job.stable = false;
        }
        if (job.version == null) {
            job.version = 0L;
        }
    }
}
