package io.drover.client;

import io.drover.client.driver.Driver;
import io.drover.client.task.AllocRunner;
import io.drover.model.Job;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Allocations as the servers would hand them out: one group of one task, with the job. */
public final class TestAllocs {
    private TestAllocs() {
    }

    /** Job "j" of {@code type} in the default namespace: one group "g" of {@code tasks}. */
    public static Job job(String type, Task... tasks) {
        TaskGroup group = new TaskGroup();
        group.name = "g";
        group.tasks = List.of(tasks);
        Job job = new Job();
        job.id = "j";
        job.name = "j";
        job.type = type;
        job.namespace = "default";
        job.taskGroups = List.of(group);
        return job;
    }

    /** Allocation {@code id} named {@code name} of {@code job}'s group "g", on {@code nodeId}. */
    public static Allocation alloc(String id, String name, Job job, String nodeId) {
        Allocation a = new Allocation();
        a.id = id;
        a.name = name;
        a.namespace = "default";
        a.nodeId = nodeId;
        a.jobId = job.id;
        a.job = job;
        a.taskGroup = "g";
        return a;
    }

    /**
     * What an allocation runner of node "n1" in dc1 and region "global" runs with: these
     * drivers and timers, allocation dirs under {@code allocsRoot}, a Random(1) for repeatable
     * restart jitter.
     */
    public static AllocRunner.Context runnerContext(Path allocsRoot, Map<String, Driver> drivers, ClientTimers timers) {
        Node node = new Node();
        node.id = "n1";
        node.datacenter = "dc1";
        return new AllocRunner.Context(node, "global", allocsRoot, drivers, timers, new Random(1));
    }

    public static Allocation mock(String id, String nodeId, Map<String, Object> config) {
        return of(id, nodeId, "mock_driver", config);
    }

    public static Allocation of(String id, String nodeId, String driver, Map<String, Object> config) {
        Task task = new Task();
        task.name = "t";
        task.driver = driver;
        task.config = new LinkedHashMap<>(config);
        task.killTimeout = 5_000_000_000L;
        Job job = job("batch", task);
        job.taskGroups.get(0).count = 1;
        job.datacenters = List.of("dc1");
        Allocation a = alloc(id, "j.g[0]", job, nodeId);
        a.evalId = "e-" + id;
        return a;
    }
}
