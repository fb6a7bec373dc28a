package io.drover.http.routes;

import io.drover.http.core.HttpError;

/**
 * The ID a write names in its path (or body), checked before the write leaves this server. An ID
 * that is empty, or nothing but white space, names nothing Nomad could have stored (a job ID may
 * not even contain a space): such a write is refused here with the words Nomad's RPC endpoint has
 * for a missing ID, so it is never forwarded to the leader nor written to the Raft log. Nomad
 * checks only for the empty string and lets a blank ID through to a lookup or an evaluation of
 * nothing; refusing it as missing is a deliberate difference.
 */
final class PathIds {
    private PathIds() {
    }

    /** Whether {@code id} names nothing: empty or only white space. */
    static boolean missing(String id) {
        return id == null || id.strip().isEmpty();
    }

    /**
     * @return {@code id}, when it names something
     * @throws HttpError 400 with {@code message} when it is {@link #missing}
     */
    static String require(String id, String message) {
        if (missing(id)) {
            throw HttpError.badRequest(message);
        }
        return id;
    }
}
