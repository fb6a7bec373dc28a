package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.state.rocks.StateTxn;

/** The {@code periodic_launch} records: what a new leader reads to neither miss nor repeat a launch. */
final class PeriodicLaunches {
    private PeriodicLaunches() {
    }

    /**
     * As Nomad does on register, an active periodic job with no launch yet gets its registration
     * time (the SubmitTime the leader stamped) as its launch, so a launch due between the
     * registration and a leader change is found missed.
     */
    static void recordRegistration(StateTxn txn, Job job) {
        if (!job.isPeriodicActive() || txn.periodicLaunch(job.namespace, job.id).isPresent()) {
            return;
        }
        put(txn, job.namespace, job.id, job.submitTime == null ? 0L : job.submitTime);
    }

    /** Records {@code launchNanos} as the parent's last launch. */
    static void put(StateTxn txn, String namespace, String jobId, long launchNanos) {
        PeriodicLaunch launch = txn.periodicLaunch(namespace, jobId).orElseGet(() -> {
            PeriodicLaunch l = new PeriodicLaunch();
            l.id = jobId;
            l.namespace = namespace;
            l.createIndex = txn.index();
            return l;
        });
        launch.launch = launchNanos;
        launch.modifyIndex = txn.index();
        txn.putPeriodicLaunch(launch);
    }
}
