package io.drover.server.hostile;

import static io.drover.server.hostile.HostileRequest.Expect.ACCOUNTED_DEREGISTER;
import static io.drover.server.hostile.HostileRequest.Expect.ANY;
import static io.drover.server.hostile.HostileRequest.Expect.ANY_OR_CLOSED;
import static io.drover.server.hostile.HostileRequest.Expect.REFUSED;
import static io.drover.server.hostile.HostileRequest.Expect.REFUSED_OR_CLOSED;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.model.json.GoDuration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The generators of hostile requests, one family each: every route with odd IDs and any method,
 * hostile query strings, mutated jobs, hostile action bodies, HCL, deep nesting, odd headers,
 * requests never finished and bytes that are not HTTP. Each family says what a correct server may
 * answer (see {@link HostileRequest.Expect}); a write is only generated where it must be refused,
 * except a deregister of a job that does not exist, which Nomad accepts and the state check
 * accounts for.
 *
 * @param known the agent's real IDs (the baseline job, its node, allocation and evaluation): reads
 *     may name them; writes never name them but where they must be refused
 */
record HostileRequests(Known known) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** IDs that exist on the agent under test. */
    record Known(String jobId, String nodeId, String allocId, String evalId) {
    }

    private enum Kind { READ, LOCAL, COMPUTE, WRITE, DEREGISTER, UNKNOWN }

    /** A route: a path template ({@code {id}} is the ID), what it does, and the methods it takes. */
    private record Shape(String template, Kind kind, List<String> methods, String idKind) {
        String path(String id) {
            return template.replace("{id}", id);
        }
    }

    private static final List<String> WRITE = List.of("POST", "PUT");
    private static final List<String> GET = List.of("GET");
    private static final List<Shape> SHAPES = List.of(
            new Shape("/v1/jobs", Kind.READ, GET, "job"),
            new Shape("/v1/jobs", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/jobs/parse", Kind.COMPUTE, WRITE, "job"),
            new Shape("/v1/validate/job", Kind.COMPUTE, WRITE, "job"),
            new Shape("/v1/job/{id}", Kind.READ, GET, "job"),
            new Shape("/v1/job/{id}", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/job/{id}", Kind.DEREGISTER, List.of("DELETE"), "job"),
            new Shape("/v1/job/{id}/evaluate", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/job/{id}/periodic/force", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/job/{id}/dispatch", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/job/{id}/revert", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/job/{id}/stable", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/job/{id}/scale", Kind.WRITE, WRITE, "job"),
            new Shape("/v1/job/{id}/scale", Kind.READ, GET, "job"),
            new Shape("/v1/job/{id}/plan", Kind.COMPUTE, WRITE, "job"),
            new Shape("/v1/job/{id}/allocations", Kind.READ, GET, "job"),
            new Shape("/v1/job/{id}/evaluations", Kind.READ, GET, "job"),
            new Shape("/v1/job/{id}/summary", Kind.READ, GET, "job"),
            new Shape("/v1/job/{id}/versions", Kind.READ, GET, "job"),
            new Shape("/v1/job/{id}/deployments", Kind.READ, GET, "job"),
            new Shape("/v1/job/{id}/deployment", Kind.READ, GET, "job"),
            new Shape("/v1/evaluations", Kind.READ, GET, "eval"),
            new Shape("/v1/evaluation/{id}", Kind.READ, GET, "eval"),
            new Shape("/v1/evaluation/{id}/allocations", Kind.READ, GET, "eval"),
            new Shape("/v1/nodes", Kind.READ, GET, "node"),
            new Shape("/v1/node/{id}", Kind.READ, GET, "node"),
            new Shape("/v1/node/{id}/allocations", Kind.READ, GET, "node"),
            new Shape("/v1/node/{id}/drain", Kind.WRITE, WRITE, "node"),
            new Shape("/v1/node/{id}/eligibility", Kind.WRITE, WRITE, "node"),
            new Shape("/v1/node/{id}/evaluate", Kind.UNKNOWN, WRITE, "node"),
            new Shape("/v1/node/{id}/purge", Kind.UNKNOWN, WRITE, "node"),
            new Shape("/v1/allocations", Kind.READ, GET, "alloc"),
            new Shape("/v1/allocation/{id}", Kind.READ, GET, "alloc"),
            new Shape("/v1/allocation/{id}/stop", Kind.WRITE, WRITE, "alloc"),
            new Shape("/v1/allocation/{id}/x/y", Kind.UNKNOWN, GET, "alloc"),
            new Shape("/v1/status/leader", Kind.LOCAL, GET, "job"),
            new Shape("/v1/status/peers", Kind.LOCAL, GET, "job"),
            new Shape("/v1/agent/self", Kind.LOCAL, GET, "job"),
            new Shape("/v1/operator/raft/configuration", Kind.LOCAL, GET, "job"),
            // PUT collects garbage for real: only its wrong methods are generated.
            new Shape("/v1/system/gc", Kind.LOCAL, List.of(), "job"),
            new Shape("/", Kind.UNKNOWN, GET, "job"),
            new Shape("/v1/", Kind.UNKNOWN, GET, "job"),
            new Shape("/v2/jobs", Kind.UNKNOWN, GET, "job"),
            new Shape("//v1/jobs", Kind.UNKNOWN, GET, "job"),
            new Shape("/v1/job", Kind.UNKNOWN, GET, "job"),
            new Shape("/v1/jobs/../jobs", Kind.UNKNOWN, GET, "job"),
            new Shape("/v1/acl/tokens", Kind.UNKNOWN, GET, "job"),
            new Shape("/v1/event/stream", Kind.UNKNOWN, GET, "job"),
            new Shape("/v1/client/fs/cat/{id}", Kind.UNKNOWN, GET, "alloc"));
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
        "FOO", "get", "M-SEARCH", "PROPFIND"};

    /** Every family, weighted. */
    Arbitrary<HostileRequest> all() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.randomValue(this::path)),
                Tuple.of(12, Arbitraries.randomValue(this::query)),
                Tuple.of(20, Arbitraries.randomValue(this::job)),
                Tuple.of(16, Arbitraries.randomValue(this::action)),
                Tuple.of(8, Arbitraries.randomValue(this::hcl)),
                Tuple.of(5, Arbitraries.randomValue(this::deep)),
                Tuple.of(6, Arbitraries.randomValue(this::headers)),
                Tuple.of(4, Arbitraries.randomValue(this::incomplete)),
                Tuple.of(4, Arbitraries.randomValue(this::garbage)),
                Tuple.of(5, Arbitraries.randomValue(this::deregister)));
    }

    /** Any route, an odd ID, any method, no body or a small odd one. */
    HostileRequest path(Random random) {
        Shape picked = SHAPES.get(random.nextInt(SHAPES.size()));
        String method = random.nextInt(3) == 0 || picked.methods().isEmpty()
                ? METHODS[random.nextInt(METHODS.length)] : picked.methods().get(random.nextInt(picked.methods().size()));
        if (picked.template().equals("/v1/system/gc") && method.equals("PUT")) {
            method = "POST";
        }
        // What the path and method do together: another shape of the same path may take the method.
        String m = method;
        Shape shape = SHAPES.stream().filter(s -> s.template().equals(picked.template()) && s.methods().contains(m))
                .findFirst().orElse(null);
        boolean unknown = picked.kind() == Kind.UNKNOWN;
        boolean changes = shape != null && (shape.kind() == Kind.WRITE || shape.kind() == Kind.DEREGISTER);
        String id = !changes && random.nextBoolean() ? knownId(picked.idKind()) : oddId(random);
        String body = random.nextInt(3) == 0 ? null : smallBody(random);
        HostileRequest.Expect expect;
        if (unknown || shape != null && !changes) {
            expect = ANY;
        } else if (shape != null && shape.kind() == Kind.DEREGISTER) {
            expect = ACCOUNTED_DEREGISTER;
        } else {
            // A write of a body no job can be, or to an ID nothing has; or a method the path does not take.
            expect = REFUSED;
        }
        return HostileRequest.of("path", method, picked.path(id), body, expect);
    }

    /** A read with a hostile query string; a blocking one never waits more than half a second. */
    HostileRequest query(Random random) {
        List<Shape> reads = SHAPES.stream().filter(s -> s.kind() == Kind.READ).toList();
        Shape shape = reads.get(random.nextInt(reads.size()));
        String id = random.nextBoolean() ? knownId(shape.idKind()) : oddId(random);
        List<String> params = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            params.add(param(random));
        }
        return HostileRequest.of("query", "GET", shape.path(id) + "?" + String.join("&", bounded(params)), (String) null,
                ANY);
    }

    /** A mutated job to register (its ID one Nomad refuses), plan or validate. */
    HostileRequest job(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> HostileRequest.of("job", "POST", "/v1/jobs", JsonMutations.mutatedJob(random, true), REFUSED);
            case 1 -> HostileRequest.of("job", "PUT", "/v1/job/" + (random.nextBoolean() ? "" : oddId(random)),
                    JsonMutations.mutatedJob(random, true), REFUSED);
            case 2 -> HostileRequest.of("job", "POST", "/v1/job/hostile/plan" + (random.nextBoolean() ? "?diff=true" : ""),
                    JsonMutations.mutatedJob(random, false).replaceFirst("^\\{", "{\"Diff\":true,"), ANY);
            default -> HostileRequest.of("job", "POST", "/v1/validate/job", JsonMutations.mutatedJob(random, false), ANY);
        };
    }

    /** A body of one of the other writes, each key's value hostile; aimed at IDs that do not exist or must refuse. */
    HostileRequest action(Random random) {
        List<String> raws = new ArrayList<>();
        ObjectNode body = NODES.objectNode();
        String target;
        String job = known.jobId();
        switch (random.nextInt(8)) {
            case 0 -> {
                // A revert of the baseline is refused at any version: 0 is its current one, the rest do not exist.
                String id = random.nextBoolean() ? job : oddId(random);
                target = "/v1/job/" + id + "/revert";
                body.put("JobID", random.nextInt(4) == 0 ? "other" : decoded(id));
                put(body, "JobVersion", random, raws);
                maybe(body, "EnforcePriorVersion", random, raws);
            }
            case 1 -> {
                // The baseline has version 0 only: marking any other as stable is refused.
                String id = random.nextBoolean() ? job : oddId(random);
                target = "/v1/job/" + id + "/stable";
                body.put("JobID", decoded(id));
                if (id.equals(job)) {
                    body.put("JobVersion", 1 + random.nextInt(1000));
                } else {
                    put(body, "JobVersion", random, raws);
                }
                maybe(body, "Stable", random, raws);
            }
            case 2 -> {
                String id = random.nextBoolean() ? job : oddId(random);
                target = "/v1/job/" + id + "/dispatch";
                maybe(body, "JobID", random, raws);
                maybe(body, "Payload", random, raws);
                body.set("Meta", random.nextBoolean() ? JsonMutations.hostileValue(random, raws)
                        : NODES.objectNode().set("input", JsonMutations.hostileValue(random, raws)));
                maybe(body, "IdempotencyToken", random, raws);
            }
            case 3 -> {
                // The baseline's group scales between 1 and 1: any other count is refused.
                String id = random.nextBoolean() ? job : oddId(random);
                target = "/v1/job/" + id + "/scale";
                ObjectNode t = body.putObject("Target");
                maybe(t, "Group", random, raws);
                maybe(t, "Job", random, raws);
                maybe(t, "Namespace", random, raws);
                if (id.equals(job)) {
                    t.put("Group", random.nextBoolean() ? "g" : "nope");
                    long count = random.nextBoolean() ? -1 - random.nextInt(10) : 2 + random.nextInt(100_000);
                    body.put("Count", random.nextInt(5) == 0 ? Long.MAX_VALUE : count);
                } else {
                    maybe(body, "Count", random, raws);
                }
                maybe(body, "Message", random, raws);
                maybe(body, "Error", random, raws);
                maybe(body, "Meta", random, raws);
                maybe(body, "PolicyOverride", random, raws);
            }
            case 4 -> {
                target = "/v1/job/" + oddId(random) + "/evaluate";
                maybe(body, "JobID", random, raws);
                if (body.has("JobID") && body.get("JobID").isTextual() && body.get("JobID").asText().equals(job)) {
                    body.put("JobID", "not-" + job);
                }
                body.set("EvalOptions", random.nextBoolean() ? JsonMutations.hostileValue(random, raws)
                        : NODES.objectNode().set("ForceReschedule", JsonMutations.hostileValue(random, raws)));
            }
            case 5 -> {
                target = "/v1/node/" + oddId(random) + "/drain" + (random.nextInt(4) == 0 ? "?enable=" + param(random) : "");
                maybe(body, "DrainSpec", random, raws);
                maybe(body, "MarkEligible", random, raws);
            }
            case 6 -> {
                // The real node only with an eligibility it must refuse.
                boolean real = random.nextBoolean();
                target = "/v1/node/" + (real ? known.nodeId() : oddId(random)) + "/eligibility";
                put(body, "Eligibility", random, raws);
                if (real && body.get("Eligibility").isTextual()
                        && List.of("eligible", "ineligible").contains(body.get("Eligibility").asText())) {
                    body.put("Eligibility", "Eligible");
                }
            }
            default -> {
                target = "/v1/allocation/" + oddId(random) + "/stop";
                maybe(body, "AllocID", random, raws);
            }
        }
        String text = JsonMutations.write(body);
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"__RAW_" + i + "__\"", raws.get(i));
        }
        if (random.nextInt(5) == 0 && !target.contains("/" + job + "/") && !target.contains(known.nodeId())) {
            // Only where any text is refused: a changed byte could make a write to the baseline legal.
            text = JsonMutations.mutateText(text, random);
        }
        return HostileRequest.of("action", random.nextBoolean() ? "POST" : "PUT", target, text, REFUSED);
    }

    /** A mutated job file to parse. */
    HostileRequest hcl(Random random) {
        ObjectNode body = NODES.objectNode().put("JobHCL", HclMutations.mutated(random));
        if (random.nextBoolean()) {
            body.put("Canonicalize", random.nextBoolean());
        }
        return HostileRequest.of("hcl", "POST", "/v1/jobs/parse", JsonMutations.write(body), ANY);
    }

    /** Nesting far past any bound, in every body route. */
    HostileRequest deep(Random random) {
        int depth = 100 + random.nextInt(random.nextBoolean() ? 600 : 200_000);
        String open = random.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth);
        String body = switch (random.nextInt(6)) {
            case 0 -> "{\"Job\":{\"ID\":\"hostile job\",\"Meta\":" + open + "}}";
            case 1 -> "{\"Job\":{\"ID\":\"hostile job\",\"TaskGroups\":[{\"Tasks\":[{\"Config\":{\"x\":" + open;
            case 2 -> "{\"Count\":1,\"Target\":{\"Group\":\"g\"},\"Meta\":{\"m\":" + open + "}}";
            case 3 -> open;
            case 4 -> "{\"Payload\":\"aGk=\",\"Meta\":" + open;
            default -> "{\"JobHCL\":\"" + "a {".repeat(Math.min(depth, 100_000)) + "\"}";
        };
        String[] targets = {"/v1/jobs", "/v1/job/hostile/plan", "/v1/validate/job", "/v1/job/" + oddId(random) + "/scale",
            "/v1/job/" + oddId(random) + "/dispatch", "/v1/jobs/parse"};
        int t = random.nextInt(targets.length);
        boolean changesNothing = t == 1 || t == 2 || t == 5;
        return HostileRequest.of("deep", "POST", targets[t], body, changesNothing ? ANY : REFUSED);
    }

    /** An ordinary request with odd headers: encodings, keys, framing. */
    HostileRequest headers(Random random) {
        HostileRequest base = switch (random.nextInt(4)) {
            case 0 -> HostileRequest.of("headers", "GET", "/v1/jobs", (String) null, ANY);
            case 1 -> HostileRequest.of("headers", "POST", "/v1/validate/job", JsonMutations.TEMPLATES.get(0), ANY);
            case 2 -> HostileRequest.of("headers", "POST", "/v1/job/" + oddId(random) + "/evaluate", "{}", REFUSED);
            default -> HostileRequest.of("headers", "GET", "/v1/job/" + known.jobId(), (String) null, ANY);
        };
        List<String> extra = new ArrayList<>();
        boolean framing = false;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(12)) {
                case 0 -> extra.add("Content-Type: " + Strings.pick(random, "application/x-www-form-urlencoded",
                        "text/html; charset=ebcdic", "multipart/form-data; boundary=", "\u00ff"));
                case 1 -> extra.add("Accept-Encoding: " + Strings.pick(random, "gzip;q=0", "br, zstd", "*", "gzip, gzip",
                        "identity;q=0", "x".repeat(5000)));
                case 2 -> extra.add("Idempotency-Key: " + Strings.pick(random, "", "k".repeat(30_000), "\u00ff\u00fe", "a b"));
                case 3 -> extra.add("X-Nomad-Token: " + Strings.odd(random).replaceAll("[\r\n]", ""));
                case 4 -> {
                    extra.add("Expect: " + Strings.pick(random, "100-continue", "200-ok", ""));
                    framing = true;
                }
                case 5 -> {
                    extra.add("Content-Encoding: gzip");
                }
                case 6 -> {
                    extra.add("Transfer-Encoding: " + Strings.pick(random, "chunked", "gzip, chunked", "identity", "x"));
                    framing = true;
                }
                case 7 -> {
                    extra.add("Content-Length: " + Strings.pick(random, "-1", "0", "99999999999999999999", "1, 2", " 3"));
                    framing = true;
                }
                case 8 -> extra.add("X-Folded: a\r\n b");
                case 9 -> extra.add("X-" + "h".repeat(1 + random.nextInt(2000)) + ": " + "v".repeat(random.nextInt(60_000)));
                case 10 -> extra.add("Connection: " + Strings.pick(random, "keep-alive, Upgrade", "upgrade", "close, close"));
                default -> extra.add("Upgrade: " + Strings.pick(random, "websocket", "h2c", "HTTP/2.0"));
            }
        }
        HostileRequest.Expect expect = framing || base.expect() == ANY ? ANY_OR_CLOSED : REFUSED_OR_CLOSED;
        return base.withHeaders(extra, expect);
    }

    /** A request whose head or body never finishes: the read timeout must close it. */
    HostileRequest incomplete(Random random) {
        String request = switch (random.nextInt(4)) {
            case 0 -> "GET /v1/jo";
            case 1 -> "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{\"Job\":";
            case 2 -> "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"Job\":";
            default -> "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nX-Slow: " + "y".repeat(random.nextInt(1000));
        };
        byte[] raw = request.getBytes(StandardCharsets.US_ASCII);
        return new HostileRequest("incomplete", "-", "-", List.of(), null, raw, REFUSED_OR_CLOSED);
    }

    /** Bytes that are not an HTTP request, or barely one. */
    HostileRequest garbage(Random random) {
        byte[] raw = switch (random.nextInt(7)) {
            case 0 -> {
                byte[] b = new byte[1 + random.nextInt(3000)];
                random.nextBytes(b);
                yield b;
            }
            case 1 -> "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003".getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> ("GET " + "/".repeat(70_000) + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case 3 -> "GET /v1/jobs HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            case 4 -> "GET /v1/jobs\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            case 5 -> ("POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close"
                    + "\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);
            default -> ("GET /v1/jobs HTTP/1.1\r\nHost: x\r\n" + "X: y\r\n".repeat(10_000) + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        };
        return new HostileRequest("garbage", "-", "-", List.of(), null, raw, ANY_OR_CLOSED);
    }

    /** A deregister of a job that does not exist: Nomad accepts it. */
    HostileRequest deregister(Random random) {
        String id = oddId(random);
        String query = random.nextBoolean() ? "" : "?" + String.join("&", bounded(List.of("purge=" + enc(Strings.pick(random,
                "true", "false", "1", "T", "yes", "", "\u00ff")), param(random))));
        HostileRequest.Expect expect = decoded(id).strip().isEmpty() ? REFUSED : ACCOUNTED_DEREGISTER;
        return HostileRequest.of("deregister", "DELETE", "/v1/job/" + id + query, (String) null, expect);
    }

    private String knownId(String kind) {
        return switch (kind) {
            case "node" -> known.nodeId();
            case "alloc" -> known.allocId();
            case "eval" -> known.evalId();
            default -> known.jobId();
        };
    }

    /** A path segment, as sent, that names nothing that exists: empty, blank, escapes good and bad, long, odd text. */
    static String oddId(Random random) {
        return switch (random.nextInt(18)) {
            case 0, 16, 17 -> "";
            case 1, 15 -> Strings.pick(random, "%20", "%09", "%20%20", "%0d%0a");
            case 2 -> Strings.pick(random, "%00", "%ff%fe", "%C0%AF", "%e2%82", "%ed%a0%80");
            case 3 -> Strings.pick(random, "..", ".", "a%2Fb", "a/b", "a//b", "a/");
            case 4 -> Strings.pick(random, "%zz", "%", "%2", "%%");
            case 5 -> "x".repeat(1 + random.nextInt(random.nextBoolean() ? 2000 : 70_000));
            case 6 -> enc(Strings.odd(random));
            case 7 -> java.util.UUID.nameUUIDFromBytes(longBytes(random)).toString();
            // A raw "?" would start the query and change the route: only escaped.
            case 8 -> Strings.pick(random, "a%3Fb", "a#b", "a;b", "a b", "a+b");
            default -> "hs-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        };
    }

    /** The ID as the server decodes it (for a body that must name the same job as the path). */
    private static String decoded(String pathId) {
        try {
            return java.net.URLDecoder.decode(pathId.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return pathId;
        }
    }

    /** One query parameter: the ones Nomad reads, with values good and bad, and some it does not. */
    static String param(Random random) {
        String name = Strings.pick(random, "index", "wait", "stale", "consistent", "prefix", "namespace", "region",
                "pretty", "all", "diffs", "purge", "enable", "filter", "per_page", "next_token", "", "index", "wait");
        String value = switch (name) {
            case "index" -> Strings.pick(random, "0", "1", "3", "1000000", "18446744073709551615", "18446744073709551616",
                    "-1", "+1", " 1", "1.0", "0x1", "abc", "", "\uff11");
            case "wait" -> Strings.pick(random, "10ms", "100ms", "1s", "-1s", "-0s", "0", "0s", "abc", "5", "9999999h",
                    "1e3s", "1.5s", "", "2562047h47m16.854775807s", "2562048h");
            case "region" -> Strings.pick(random, "global", "", "eu", "\u00ff", "x".repeat(3000));
            case "namespace" -> Strings.pick(random, "default", "", "ops", "*", "\u0000");
            default -> random.nextBoolean() ? Strings.odd(random) : Strings.pick(random, "true", "false", "1", "0", "t",
                    "yes", "");
        };
        if (random.nextInt(6) == 0) {
            return name + "=" + Strings.pick(random, "%zz", "%", "%ff", "a%2", "%u1234");
        }
        return enc(name) + (random.nextInt(8) == 0 ? "" : "=" + enc(value));
    }

    /**
     * A blocking query with a valid index waits for its wait, and five minutes without one: such
     * a query gets a short wait, so every request answers within the bound.
     */
    static List<String> bounded(List<String> params) {
        boolean index = false;
        Long waitNanos = null;
        for (String p : params) {
            String[] kv = p.split("=", 2);
            String value;
            try {
                value = kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            } catch (IllegalArgumentException malformed) {
                // Go's query parser skips such a pair, and so does the gateway's.
                continue;
            }
            if (kv[0].equals("index") && value.matches("[0-9]+") && !value.matches("0+")) {
                index = true;
            }
            if (kv[0].equals("wait") && waitNanos == null) {
                try {
                    waitNanos = value.isEmpty() ? 0L : GoDuration.parseNanos(value);
                } catch (IllegalArgumentException e) {
                    waitNanos = -1L;
                }
            }
        }
        List<String> out = new ArrayList<>(params);
        if (index && (waitNanos == null || waitNanos == 0 || waitNanos > 500_000_000L)) {
            out.removeIf(p -> p.startsWith("wait=") || p.equals("wait") || p.startsWith("wait&"));
            out.add(0, "wait=50ms");
        }
        return out;
    }

    private void put(ObjectNode body, String key, Random random, List<String> raws) {
        body.set(key, JsonMutations.hostileValue(random, raws));
    }

    private void maybe(ObjectNode body, String key, Random random, List<String> raws) {
        if (random.nextBoolean()) {
            put(body, key, random, raws);
        }
    }

    private static String smallBody(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "{}";
            case 2 -> "null";
            case 3 -> JsonMutations.write(JsonMutations.hostileValue(random, new ArrayList<>())).replace("__RAW_0__", "x");
            default -> Strings.odd(random);
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] longBytes(Random random) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }
}
