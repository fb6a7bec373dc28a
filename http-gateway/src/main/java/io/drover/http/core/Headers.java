package io.drover.http.core;

/** The header names the gateway reads or writes, spelled once. */
public final class Headers {
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String VARY = "Vary";
    public static final String DATE = "Date";
    public static final String CONNECTION = "Connection";

    public static final String NOMAD_INDEX = "X-Nomad-Index";
    public static final String NOMAD_KNOWN_LEADER = "X-Nomad-KnownLeader";
    public static final String NOMAD_LAST_CONTACT = "X-Nomad-LastContact";

    /** A client-chosen request ID: a retried write with the same key is applied once. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    private Headers() {
    }
}
