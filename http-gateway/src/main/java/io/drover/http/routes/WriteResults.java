package io.drover.http.routes;

import io.drover.http.core.Body;
import io.drover.http.core.ErrorReplies;
import io.drover.http.core.Headers;
import io.drover.http.core.HttpError;
import io.drover.http.core.Json;
import io.drover.http.core.Reply;
import io.drover.http.query.QueryMeta;
import io.drover.proto.raft.WriteResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the leader's {@link WriteResult} into Nomad's write responses. Replies whose Nomad struct
 * embeds a QueryMeta carry {@code Index}, {@code LastContact} and {@code KnownLeader} in the body
 * ({@link LeaderMeta} says what the last two are); those embedding a WriteMeta carry only
 * {@code Index}. {@code X-Nomad-Index} is a header of every one.
 */
final class WriteResults {
    private static final String NODE_NOT_FOUND = "node not found";

    /**
     * What a write reply's QueryMeta says of the leader. Nomad's write endpoints leave it zero
     * ({@code KnownLeader false}, {@code LastContact 0}), all but Job.Scale, which fills it in as the
     * leader it runs on (a follower forwards the write, and the leader's reply comes back):
     * {@code KnownLeader true}, {@code LastContact 0}.
     */
    private enum LeaderMeta {
        UNSET(false), SET_BY_LEADER(true);

        final boolean knownLeader;

        LeaderMeta(boolean knownLeader) {
            this.knownLeader = knownLeader;
        }
    }

    private WriteResults() {
    }

    /**
     * Register, revert and evaluate: Nomad's JobRegisterResponse, whose Index is its evaluation's
     * CreateIndex. A periodic or parameterized job gets no evaluation, so its register answers
     * {@code EvalID ""}, {@code EvalCreateIndex 0} and {@code Index 0} (X-Nomad-Index too), as
     * Nomad's Job.Register leaves them; JobModifyIndex still says where the job was written.
     */
    static Reply register(WriteResult result, boolean pretty) {
        ok(result);
        return jobRegisterResponse(result, result.getEvalCreateIndex(), LeaderMeta.UNSET, pretty);
    }

    /**
     * Scale: Nomad's JobRegisterResponse too, but its Index is the scaling event's, which every
     * scale writes (with or without an evaluation): here the entry's index. Job.Scale is the one
     * write endpoint that sets the leader's query meta.
     */
    static Reply scale(WriteResult result, boolean pretty) {
        ok(result);
        return jobRegisterResponse(result, result.getIndex(), LeaderMeta.SET_BY_LEADER, pretty);
    }

    private static Reply jobRegisterResponse(WriteResult result, long index, LeaderMeta meta, boolean pretty) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EvalID", result.getEvalId());
        body.put("EvalCreateIndex", result.getEvalCreateIndex());
        body.put("JobModifyIndex", result.getJobModifyIndex());
        body.put("Warnings", result.getWarnings());
        return withQueryMeta(body, index, meta, pretty);
    }

    /**
     * Dispatch: Nomad's JobDispatchResponse, whose WriteMeta holds only Index. A retry answered
     * with an earlier child has no EvalID and the child's ModifyIndex as Index, as Nomad answers.
     */
    static Reply dispatch(WriteResult result, boolean pretty) {
        ok(result, "parameterized job not found");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("DispatchedJobID", result.getDispatchedJobId());
        body.put("EvalID", result.getEvalId());
        body.put("EvalCreateIndex", result.getEvalCreateIndex());
        body.put("JobCreateIndex", result.getJobCreateIndex());
        body.put("Index", result.getIndex());
        return Reply.json(200, Json.render(body, pretty))
                .withHeader(Headers.NOMAD_INDEX, Long.toString(result.getIndex()));
    }

    /** Periodic force: Nomad's PeriodicForceResponse; its Index is the evaluation's CreateIndex. */
    static Reply periodicForce(WriteResult result, boolean pretty) {
        ok(result, "job not found");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EvalID", result.getEvalId());
        body.put("EvalCreateIndex", result.getEvalCreateIndex());
        body.put("Index", result.getEvalCreateIndex());
        return Reply.json(200, Json.render(body, pretty))
                .withHeader(Headers.NOMAD_INDEX, Long.toString(result.getEvalCreateIndex()));
    }

    /**
     * Deregister: Nomad's JobDeregisterResponse, which has volume fields and no warnings. As for a
     * register, Index is the evaluation's: 0 for a periodic or parameterized job, which gets none.
     */
    static Reply deregister(WriteResult result, boolean pretty) {
        ok(result);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EvalID", result.getEvalId());
        body.put("EvalCreateIndex", result.getEvalCreateIndex());
        body.put("JobModifyIndex", result.getJobModifyIndex());
        body.put("VolumeEvalID", "");
        body.put("VolumeEvalIndex", 0);
        return withQueryMeta(body, result.getEvalCreateIndex(), LeaderMeta.UNSET, pretty);
    }

    /**
     * Stability: Nomad's code answers {@code {"Index": N}}, its docs {@code {"JobModifyIndex": N}};
     * we send both. JobModifyIndex is the leader's, or the write's index if it gave none.
     */
    static Reply stability(WriteResult result, boolean pretty) {
        ok(result);
        long index = result.getIndex();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Index", index);
        body.put("JobModifyIndex", result.getJobModifyIndex() != 0 ? result.getJobModifyIndex() : index);
        return Reply.json(200, Json.render(body, pretty)).withHeader(Headers.NOMAD_INDEX, Long.toString(index));
    }

    /** Revert answers like register, but Nomad sets the whole (empty) query meta as headers. */
    static Reply revert(WriteResult result, boolean pretty) {
        Reply reply = register(result, pretty);
        QueryMeta meta = new QueryMeta(result.getEvalCreateIndex(), LeaderMeta.UNSET.knownLeader, 0);
        return new Reply(reply.status(), reply.contentType(), reply.body(), meta.headers());
    }

    /**
     * Eligibility: Nomad's NodeEligibilityUpdateResponse. Nomad's endpoint never fills in
     * NodeModifyIndex for this write, so it is always 0; EvalIDs is null unless the node became
     * eligible and evaluations were created for it.
     */
    static Reply nodeEligibility(WriteResult result, boolean pretty) {
        ok(result, NODE_NOT_FOUND);
        return nodeUpdate(0, result, pretty);
    }

    /** Drain: Nomad's NodeDrainUpdateResponse, whose NodeModifyIndex is the write's index. */
    static Reply nodeDrain(WriteResult result, boolean pretty) {
        ok(result, NODE_NOT_FOUND);
        return nodeUpdate(result.getIndex(), result, pretty);
    }

    /** Allocation stop: Nomad's AllocStopResponse, the follow-up evaluation and the write's index. */
    static Reply allocStop(WriteResult result, boolean pretty) {
        if (result.getCode() == WriteResult.Code.NOT_FOUND) {
            // Nomad answers any unknown allocation with this text, whatever the RPC said.
            throw new HttpError(404, "allocation not found");
        }
        ok(result);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EvalID", result.getEvalId());
        body.put("Index", result.getIndex());
        return Reply.json(200, Json.render(body, pretty))
                .withHeader(Headers.NOMAD_INDEX, Long.toString(result.getIndex()));
    }

    /** The body of both node updates: WriteMeta holds only Index, so no LastContact or KnownLeader. */
    private static Reply nodeUpdate(long nodeModifyIndex, WriteResult result, boolean pretty) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("NodeModifyIndex", nodeModifyIndex);
        body.put("EvalIDs", result.getEvalIdsCount() == 0 ? null : List.copyOf(result.getEvalIdsList()));
        body.put("EvalCreateIndex", result.getEvalCreateIndex());
        body.put("Index", result.getIndex());
        return Reply.json(200, Json.render(body, pretty))
                .withHeader(Headers.NOMAD_INDEX, Long.toString(result.getIndex()));
    }

    /** A reply whose Nomad struct embeds a QueryMeta: Index, LastContact and KnownLeader in the body. */
    private static Reply withQueryMeta(Map<String, Object> body, long index, LeaderMeta meta, boolean pretty) {
        body.put("Index", index);
        body.put("LastContact", 0);
        body.put("KnownLeader", meta.knownLeader);
        Body rendered = Json.render(body, pretty);
        return Reply.json(200, rendered).withHeader(Headers.NOMAD_INDEX, Long.toString(index));
    }

    /** {@code PUT /v1/system/gc}: Nomad answers 200 with no body and no index header. */
    static Reply systemGc(WriteResult result, boolean pretty) {
        ok(result, "not found");
        return new Reply(200, null, Body.EMPTY, List.of());
    }

    /** Checks that a job write succeeded; see {@link #ok(WriteResult, String)}. */
    private static void ok(WriteResult result) {
        ok(result, "job not found");
    }

    /**
     * Checks that the write succeeded.
     *
     * @param notFound the message of a 404 whose result carries none
     * @throws HttpError with the status its code stands for
     */
    private static void ok(WriteResult result, String notFound) {
        switch (result.getCode()) {
            case OK:
                return;
            case CONFLICT:
                throw new HttpError(409, message(result, "conflicting write"));
            case NOT_FOUND:
                throw new HttpError(404, message(result, notFound));
            case INVALID:
                throw new HttpError(400, message(result, "invalid request"));
            case TOO_LARGE:
                throw new HttpError(413, message(result, "Request body too large"));
            case NO_LEADER:
            case NOT_LEADER:
                throw new HttpError(500, ErrorReplies.NO_LEADER);
            case INTERNAL:
            default:
                throw new HttpError(500, message(result, "internal error"));
        }
    }

    private static String message(WriteResult result, String otherwise) {
        return result.getError().isEmpty() ? otherwise : result.getError();
    }
}
