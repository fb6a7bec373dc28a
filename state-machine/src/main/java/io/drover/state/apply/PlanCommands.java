package io.drover.state.apply;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.proto.raft.PlanJobRef;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.StoppedAlloc;
import java.util.List;
import java.util.Map;

/**
 * Turns what the leader's plan evaluator accepted into the Raft command the leader commits
 * (Nomad's {@code applyPlan} request, in its normalized form), here beside the command's applier
 * ({@link PlanResultsApplier}), so the scheduler knows nothing of Raft, and the server's plan
 * applier and the scheduler tests' harness (as Nomad's calls {@code UpsertPlanResults}) commit
 * plans the same way: placed and updated
 * allocations in full, as Nomad JSON without their job; the plan's job by reference ({@link PlanJobRef}: the
 * applier gives that version to the live allocations placed or updated in place, as Nomad
 * attaches the plan's job); stopped allocations as the change to make ({@link StoppedAlloc});
 * preempted allocations as the plan's eviction records.
 *
 * <p>Times: with {@code nowUnixNanos} 0 the allocations keep the times they have and stops carry
 * none, leaving the applier to use the command's leader time; otherwise, as Nomad, new
 * allocations get it as CreateTime, and every allocation and stop as ModifyTime. The plan and
 * result are not changed.
 */
public final class PlanCommands {
    private PlanCommands() {
    }

    public static PlanResultsCommand toCommand(Plan plan, PlanResult result) {
        return toCommand(plan, result, 0);
    }

    static PlanResultsCommand toCommand(Plan plan, PlanResult result, long nowUnixNanos) {
        PlanResultsCommand.Builder cmd = PlanResultsCommand.newBuilder().setEvalId(nullToEmpty(plan.evalId));
        if (plan.job != null) {
            cmd.setJob(jobRef(plan.job));
        }
        for (List<Allocation> stopped : values(result.nodeUpdate)) {
            for (Allocation a : stopped) {
                cmd.addStopped(StoppedAlloc.newBuilder()
                        .setAllocId(a.id)
                        .setDesiredDescription(nullToEmpty(a.desiredDescription))
                        .setClientStatus(nullToEmpty(a.clientStatus))
                        .setFollowupEvalId(nullToEmpty(a.followupEvalId))
                        .setModifyTime(nowUnixNanos));
            }
        }
        for (List<Allocation> placed : values(result.nodeAllocation)) {
            for (Allocation a : placed) {
                Allocation full = a.shallowCopy();
                // The applier attaches the plan's job: a copy per allocation would make a plan of
                // a thousand placements carry the job a thousand times through Raft.
                full.job = null;
                if (nowUnixNanos != 0) {
                    if (full.createTime == null || full.createTime == 0) {
                        full.createTime = nowUnixNanos;
                    }
                    full.modifyTime = nowUnixNanos;
                }
                cmd.addAllocJson(ByteString.copyFrom(NomadJson.write(full)));
            }
        }
        for (List<Allocation> preempted : values(result.nodePreemptions)) {
            for (Allocation a : preempted) {
                Allocation evicted = a.shallowCopy();
                if (nowUnixNanos != 0) {
                    evicted.modifyTime = nowUnixNanos;
                }
                cmd.addPreemptedJson(ByteString.copyFrom(NomadJson.write(evicted)));
            }
        }
        return cmd.build();
    }

    /** The reference to {@code job} a plan's command carries. */
    private static PlanJobRef jobRef(Job job) {
        return PlanJobRef.newBuilder().setNamespace(nullToEmpty(job.namespace)).setJobId(nullToEmpty(job.id))
                .setVersion(job.version == null ? 0 : job.version)
                .setJobModifyIndex(job.jobModifyIndex == null ? 0 : job.jobModifyIndex).build();
    }

    private static Iterable<List<Allocation>> values(Map<String, List<Allocation>> byNode) {
        return byNode == null ? List.of() : byNode.values().stream().filter(l -> l != null).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
