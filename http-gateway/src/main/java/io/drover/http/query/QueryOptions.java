package io.drover.http.query;

import io.drover.http.core.GatewayRequest;
import io.drover.http.core.GoBool;
import io.drover.http.core.HttpError;
import io.drover.model.json.GoDuration;

/**
 * The query parameters every read accepts, parsed as Nomad's HTTP agent parses them.
 *
 * @param region the requested region, "" for this agent's
 * @param namespace the namespace to read, "default" unless given
 * @param stale answer from this server's state, whoever leads
 * @param consistent answer only after a linearizable barrier
 * @param minIndex block until the answer's index exceeds this (0: do not block)
 * @param waitNanos how long to block, 0 for the default; never negative
 * @param prefix an ID prefix for lists
 * @param pretty indent the JSON answer
 */
public record QueryOptions(String region, String namespace, boolean stale, boolean consistent, long minIndex,
        long waitNanos, String prefix, boolean pretty) {

    public static final String DEFAULT_NAMESPACE = "default";

    /**
     * @throws HttpError 400 "Invalid wait time" or "Invalid index", checked in Nomad's order
     */
    public static QueryOptions parse(GatewayRequest request) {
        String namespace = request.query("namespace");
        return new QueryOptions(request.query("region"), namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace,
                flag(request, "stale"), flag(request, "consistent"), parseIndex(request.query("index")),
                parseWait(request.query("wait")), request.query("prefix"), pretty(request));
    }

    /** Whether the client asked for indented JSON: {@code ?pretty} with any value but "0". */
    public static boolean pretty(GatewayRequest request) {
        return request.hasQuery("pretty") && !request.query("pretty").equals("0");
    }

    /** A consistency flag: present with no value or a true value ({@code ?stale}, {@code ?stale=true}). */
    private static boolean flag(GatewayRequest request, String name) {
        if (!request.hasQuery(name)) {
            return false;
        }
        String value = request.query(name);
        try {
            return value.isEmpty() || GoBool.parse(value);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /**
     * A Go duration, as Nomad parses it. Nomad 0.11.3 takes a negative one too and then waits its
     * default five minutes, so a client that meant "not at all" hangs: a negative wait is refused
     * here with Nomad's words for a wait it cannot read (a deliberate difference).
     */
    private static long parseWait(String wait) {
        if (wait.isEmpty()) {
            return 0;
        }
        long nanos;
        try {
            nanos = GoDuration.parseNanos(wait);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("Invalid wait time");
        }
        if (nanos < 0) {
            throw HttpError.badRequest("Invalid wait time");
        }
        return nanos;
    }

    private static long parseIndex(String index) {
        if (index.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < index.length(); i++) {
            char c = index.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpError.badRequest("Invalid index");
            }
        }
        try {
            long value = Long.parseUnsignedLong(index);
            // Beyond 2^63 no index will ever be reached; waiting for Long.MAX_VALUE is the same.
            return value < 0 ? Long.MAX_VALUE : value;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("Invalid index");
        }
    }
}
