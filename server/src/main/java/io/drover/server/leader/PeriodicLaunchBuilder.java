package io.drover.server.leader;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import io.drover.model.launch.PeriodicChild;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.PeriodicLaunchCommand;

/**
 * The command that launches a periodic job once: its child, named after the launch time, and
 * the child's evaluation (Nomad's DispatchJob), both decided on the leader.
 */
public final class PeriodicLaunchBuilder {
    private PeriodicLaunchBuilder() {
    }

    public static PeriodicLaunchCommand command(Job parent, long launchUnixSeconds, long nowNanos, Stamps stamps) {
        Job child = PeriodicChild.derive(parent, launchUnixSeconds, nowNanos);
        Evaluation eval = NodeEvals.eval(child.namespace, child.id, child.priority, child.type, null,
                Evaluation.TRIGGER_PERIODIC_JOB, nowNanos, stamps);
        return PeriodicLaunchCommand.newBuilder()
                .setJobJson(ByteString.copyFrom(NomadJson.write(child)))
                .setEvalJson(ByteString.copyFrom(NomadJson.write(eval)))
                .build();
    }
}
