package io.drover.server.leader;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * New pending evaluations, stamped on the leader: in particular those a node's change calls for
 * (Nomad's createNodeEvals): one per job with an allocation on the node, and one per system
 * job, so the schedulers look at the node again.
 */
public final class NodeEvals {
    private NodeEvals() {
    }

    public static List<Evaluation> forNode(StateReader reader, String nodeId, String trigger, long now, Stamps stamps) {
        List<Evaluation> evals = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Allocation alloc : reader.allocationsOfNode(nodeId)) {
            if (seen.add(alloc.namespace + '\0' + alloc.jobId) && alloc.job != null) {
                evals.add(eval(alloc.namespace, alloc.jobId, alloc.job.priority, alloc.job.type, nodeId, trigger, now,
                        stamps));
            }
        }
        for (Job job : reader.jobs(StateReader.ALL_NAMESPACES, "")) {
            if (Job.TYPE_SYSTEM.equals(job.type) && seen.add(job.namespace + '\0' + job.id)) {
                evals.add(eval(job.namespace, job.id, job.priority, job.type, nodeId, trigger, now, stamps));
            }
        }
        return evals;
    }

    public static Evaluation eval(String namespace, String jobId, Integer priority, String type, String nodeId, String trigger,
            long now, Stamps stamps) {
        Evaluation e = new Evaluation();
        e.id = stamps.uuid();
        e.namespace = namespace;
        e.priority = priority == null ? Job.DEFAULT_PRIORITY : priority;
        e.type = type;
        e.triggeredBy = trigger;
        e.jobId = jobId;
        e.nodeId = nodeId;
        e.status = Evaluation.STATUS_PENDING;
        e.createTime = now;
        e.modifyTime = now;
        return e;
    }
}
