package io.drover.http.routes;

import io.drover.http.query.QueryResult;
import io.drover.http.query.ReadEndpoint;
import io.drover.http.query.StateQuery;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.node.NodeListStub;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The node reads, with Nomad's indexes: the list at the nodes table index, one node at its
 * ModifyIndex (its secret never shown), a node's allocations at the highest ModifyIndex among
 * them. Nodes belong to no namespace.
 */
final class NodeReads {
    private NodeReads() {
    }

    /** {@code GET /v1/nodes}, with {@code ?prefix=}. */
    static ReadEndpoint list() {
        return (request, options) -> StateQuery.of(QueryKeys.of("nodes", options.prefix()), List.of(Table.NODES),
                reader -> {
                    List<NodeListStub> stubs = new ArrayList<>();
                    for (Node node : reader.nodes(options.prefix())) {
                        stubs.add(node.stub());
                    }
                    return QueryResult.ok(reader.tableIndex(Table.NODES), stubs);
                });
    }

    /** {@code GET /v1/node/:id}. */
    static ReadEndpoint node(String nodeId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("node", nodeId), List.of(Table.NODES),
                reader -> reader.node(nodeId).map(node -> {
                    // The reader's node is ours to change; the secret is for the node agent alone.
                    node.secretId = "";
                    return QueryResult.ok(node.modifyIndex == null ? 0 : node.modifyIndex, node);
                }).orElseGet(() -> QueryResult.notFound(reader.tableIndex(Table.NODES), "node not found")));
    }

    /**
     * {@code GET /v1/node/:id/allocations}: whole allocations, jobs included, of every namespace.
     * As Nomad, the index is the highest ModifyIndex among them, so a node agent's watch wakes
     * only for its own allocations; with none, the allocs table index (at least 1, so a watch
     * from 0 never answers at once with nothing).
     */
    static ReadEndpoint allocations(String nodeId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("node-allocs", nodeId), List.of(Table.ALLOCS),
                reader -> {
                    List<Allocation> allocs = reader.allocationsOfNode(nodeId);
                    long index = 0;
                    for (Allocation alloc : allocs) {
                        alloc.setEventDisplayMessages();
                        index = Math.max(index, alloc.modifyIndex == null ? 0 : alloc.modifyIndex);
                    }
                    if (allocs.isEmpty()) {
                        index = Math.max(1, reader.tableIndex(Table.ALLOCS));
                    }
                    return QueryResult.ok(index, AnsweredJobs.allocations(allocs));
                });
    }
}
