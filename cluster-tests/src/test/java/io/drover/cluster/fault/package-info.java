/**
 * Building blocks of the fault suite (issue 11), each usable on its own.
 *
 * <p><b>Checking a history for linearizability.</b> Record what clients did with a
 * {@link io.drover.cluster.fault.History.Recorder} ({@code invoke} just before a request,
 * {@code ok(answer)} when it is answered, nothing or {@code unknown()} when the outcome is
 * unknown), then check it against a {@link io.drover.cluster.fault.Model}:
 * <pre>{@code
 * History.Recorder<JobRegisterModel.Input, JobRegisterModel.Output> rec = History.recorder(System::nanoTime);
 * var call = rec.invoke(client, new JobRegisterModel.Cas(jobId, value, expectedIndex));
 * ... call.ok(new JobRegisterModel.Written(jobModifyIndex)) / call.ok(JobRegisterModel.CONFLICT) / call.unknown();
 * CheckResult r = new LinearizabilityChecker().check(new JobRegisterModel(), rec.history());
 * assertThat(r.verdict()).as("%s", r).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
 * }</pre>
 *
 * <p><b>Partitioning servers on one host.</b> A {@link io.drover.cluster.fault.ProxyNetwork}
 * puts a proxy in front of each server port; servers advertise the proxy ports, and the test
 * cuts directed links between them:
 * <pre>{@code
 * ProxyNetwork net = new ProxyNetwork();
 * int realRaft = FreePorts.take();
 * int advertisedRaft = net.expose("server0", realRaft);  // peers dial this
 * ... start server0 (binding realRaft), then at once: net.register("server0", process.pid());
 * net.cut("server0", "server1"); net.cutBoth(a, b); net.isolate("server2"); net.healAll();
 * }</pre>
 */
package io.drover.cluster.fault;
