package io.drover.state.rocks;

import io.drover.state.Table;

/** The keys of each column family. */
final class Schema {
    static final byte[] APPLIED = Keys.utf8("applied");
    /** Present once PERIODIC_JOBS indexes every periodic job in JOBS. */
    static final byte[] PERIODIC_INDEX_BUILT = Keys.utf8("built/periodic_jobs");
    /** In META: how many nodes are stored, so node writes can answer with the count without a scan. */
    static final byte[] NODE_COUNT = Keys.utf8("count/nodes");
    private static final String TABLE_INDEX = "index/";

    private Schema() {
    }

    static byte[] tableIndex(Table t) {
        return Keys.utf8(TABLE_INDEX + t.nomadName());
    }

    static byte[] job(String namespace, String jobId) {
        return Keys.of(namespace, jobId);
    }

    static byte[] jobsOfNamespace(String namespace, String idPrefix) {
        return Keys.concat(Keys.prefix(namespace), Keys.utf8(idPrefix));
    }

    static byte[] jobVersion(String namespace, String jobId, long version) {
        return Keys.concat(Keys.prefix(namespace, jobId), Keys.u64(version));
    }

    static byte[] jobVersions(String namespace, String jobId) {
        return Keys.prefix(namespace, jobId);
    }

    static byte[] eval(String evalId) {
        return Keys.utf8(evalId);
    }

    static byte[] evalOfJob(String namespace, String jobId, String evalId) {
        return Keys.of(namespace, jobId, evalId);
    }

    static byte[] evalsOfJob(String namespace, String jobId) {
        return Keys.prefix(namespace, jobId);
    }

    static byte[] server(String serverId) {
        return Keys.utf8(serverId);
    }

    static byte[] node(String nodeId) {
        return Keys.utf8(nodeId);
    }

    static byte[] alloc(String allocId) {
        return Keys.utf8(allocId);
    }

    static byte[] allocOfJob(String namespace, String jobId, String allocId) {
        return Keys.of(namespace, jobId, allocId);
    }

    static byte[] allocsOfJob(String namespace, String jobId) {
        return Keys.prefix(namespace, jobId);
    }

    static byte[] allocOfNode(String nodeId, String allocId) {
        return Keys.of(nodeId, allocId);
    }

    static byte[] allocsOfNode(String nodeId) {
        return Keys.prefix(nodeId);
    }

    static byte[] allocOfEval(String evalId, String allocId) {
        return Keys.of(evalId, allocId);
    }

    static byte[] allocsOfEval(String evalId) {
        return Keys.prefix(evalId);
    }

    static byte[] allocJob(String namespace, String jobId, long createIndex, long jobModifyIndex) {
        return Keys.concat(Keys.concat(Keys.prefix(namespace, jobId), Keys.u64(createIndex)), Keys.u64(jobModifyIndex));
    }

    static byte[] request(String requestId) {
        return Keys.utf8(requestId);
    }

    static byte[] requestExpiry(long index, String requestId) {
        return Keys.concat(Keys.u64(index), Keys.utf8(requestId));
    }
}
