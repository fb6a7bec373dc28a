package io.drover.http.routes;

import io.drover.http.core.GoBool;
import io.drover.http.core.HttpError;
import io.drover.http.query.QueryResult;
import io.drover.http.query.ReadEndpoint;
import io.drover.http.query.StateQuery;
import io.drover.model.alloc.AllocListStub;
import io.drover.model.alloc.Allocation;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocation reads, with Nomad's indexes: lists at the allocs table index, one allocation at
 * its ModifyIndex. Lists show stubs; one allocation shows everything, its job included.
 */
final class AllocReads {
    private AllocReads() {
    }

    /** {@code GET /v1/allocations}, with {@code ?prefix=} and {@code ?namespace=}. */
    static ReadEndpoint list() {
        return (request, options) -> StateQuery.of(QueryKeys.of("allocs", options.namespace(), options.prefix()),
                List.of(Table.ALLOCS), reader -> QueryResult.ok(reader.tableIndex(Table.ALLOCS),
                        stubs(reader.allocations(options.namespace(), options.prefix()), true)));
    }

    /**
     * {@code GET /v1/allocation/:id}. Like Nomad, the ID alone finds it, whatever the namespace
     * asked.
     */
    static ReadEndpoint allocation(String allocId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("alloc", allocId), List.of(Table.ALLOCS),
                reader -> reader.allocation(allocId).map(alloc -> {
                    alloc.setEventDisplayMessages();
                    return QueryResult.ok(alloc.modifyIndex == null ? 0 : alloc.modifyIndex,
                            AnsweredJobs.allocation(alloc));
                }).orElseGet(() -> QueryResult.notFound(reader.tableIndex(Table.ALLOCS), "alloc not found")));
    }

    /**
     * {@code GET /v1/evaluation/:id/allocations}: stubs of what the evaluation placed. Nomad's
     * endpoint, unlike the other lists, leaves task events' display messages as stored.
     */
    static ReadEndpoint ofEval(String evalId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("eval-allocs", evalId), List.of(Table.ALLOCS),
                reader -> QueryResult.ok(reader.tableIndex(Table.ALLOCS),
                        stubs(reader.allocationsOfEval(evalId), false)));
    }

    /**
     * {@code GET /v1/job/:id/allocations}: stubs of the job's allocations; with {@code ?all=true},
     * also those of an earlier job registered under the same ID (a value that is not a boolean
     * means false, as in Nomad). Without it, which allocations count depends on the job as
     * registered now, so a change to the jobs table wakes the query too.
     */
    static ReadEndpoint ofJob(String jobId) {
        return (request, options) -> {
            if (jobId.isEmpty()) {
                // Nomad's Job.Allocations refuses it, so a bug in a client shows rather than an empty list.
                throw HttpError.badRequest("missing job ID");
            }
            boolean all = parseBoolOrFalse(request.query("all"));
            List<Table> tables = all ? List.of(Table.ALLOCS) : List.of(Table.ALLOCS, Table.JOBS);
            return StateQuery.of(QueryKeys.of("job-allocs", options.namespace(), jobId, Boolean.toString(all)),
                    tables, reader -> QueryResult.ok(reader.tableIndex(Table.ALLOCS),
                            stubs(reader.allocationsOfJob(options.namespace(), jobId, all), true)));
        };
    }

    private static boolean parseBoolOrFalse(String value) {
        try {
            return GoBool.parse(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<AllocListStub> stubs(List<Allocation> allocs, boolean displayMessages) {
        List<AllocListStub> stubs = new ArrayList<>(allocs.size());
        for (Allocation alloc : allocs) {
            AllocListStub stub = alloc.stub();
            if (displayMessages) {
                stub.setEventDisplayMessages();
            }
            stubs.add(stub);
        }
        return stubs;
    }
}
