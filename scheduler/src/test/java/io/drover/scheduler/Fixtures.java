package io.drover.scheduler;

import io.drover.model.Constraint;
import io.drover.model.EphemeralDisk;
import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.ReschedulePolicy;
import io.drover.model.Resources;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.node.NodeReservedResources;
import io.drover.model.node.NodeResources;
import io.drover.model.scheduling.Evaluation;
import io.drover.testkit.fixtures.Commands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Jobs, nodes and evaluations for scheduler tests, shaped like Nomad's mocks after canonicalization. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    /** An env at {@link #NOW} whose IDs count up ({@code id-0001}…), so runs are repeatable. */
    public static SchedulerEnv env() {
        return env(NOW);
    }

    public static SchedulerEnv env(Instant now) {
        AtomicLong next = new AtomicLong();
        return new SchedulerEnv(now, () -> String.format("00000000-0000-0000-0000-%012d", next.incrementAndGet()));
    }

    /** A ready, eligible node in dc1: 4000 MHz, 8192 MB, 100 GB, one /24 network, 100 MHz/256 MB/4 GB reserved. */
    public static Node node(String id) {
        return node(id, "dc1", 4000, 8192);
    }

    public static Node node(String id, String dc, long cpu, long memoryMb) {
        Node n = new Node();
        n.id = id;
        n.name = "node-" + id;
        n.datacenter = dc;
        n.attributes = new LinkedHashMap<>(Map.of("kernel.name", "linux", "driver.exec", "1"));
        n.meta = new LinkedHashMap<>();
        n.nodeResources = new NodeResources(cpu, memoryMb, 100 * 1024);
        NetworkResource net = new NetworkResource();
        net.mode = "";
        net.device = "eth0";
        net.cidr = "10.0.0.1/32";
        net.ip = "";
        net.mbits = 1000;
        n.nodeResources.networks = new ArrayList<>(List.of(net));
        n.reservedResources = new NodeReservedResources(100, 256, 4 * 1024, "22");
        n.nodeClass = "";
        n.status = Node.STATUS_READY;
        n.schedulingEligibility = Node.ELIGIBLE;
        n.computeClass();
        return n;
    }

    public static List<Node> nodes(int n) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(node(String.format("node-%04d", i)));
        }
        return out;
    }

    /** A service job "id" with one group "web" of {@code count}, one exec task asking 500 MHz / 256 MB. */
    public static Job service(String id, int count) {
        return job(id, Job.TYPE_SERVICE, count, 500, 256);
    }

    public static Job batch(String id, int count) {
        return job(id, Job.TYPE_BATCH, count, 500, 256);
    }

    public static Job system(String id) {
        return job(id, Job.TYPE_SYSTEM, 1, 100, 64);
    }

    public static Job job(String id, String type, int count, int cpu, int memoryMb) {
        Job j = new Job();
        j.id = id;
        j.name = id;
        j.namespace = Job.DEFAULT_NAMESPACE;
        j.region = Job.GLOBAL_REGION;
        j.type = type;
        j.priority = Job.DEFAULT_PRIORITY;
        j.allAtOnce = false;
        j.datacenters = new ArrayList<>(List.of("dc1"));
        j.stop = false;
        TaskGroup tg = new TaskGroup();
        tg.name = "web";
        tg.count = count;
        tg.ephemeralDisk = new EphemeralDisk();
        tg.ephemeralDisk.sizeMb = 150;
        tg.ephemeralDisk.sticky = false;
        tg.ephemeralDisk.migrate = false;
        tg.reschedulePolicy = reschedulePolicy(type);
        Task t = new Task();
        t.name = "web";
        t.driver = "exec";
        t.config = new LinkedHashMap<>(Map.of("command", "/bin/date"));
        t.resources = new Resources();
        t.resources.cpu = cpu;
        t.resources.memoryMb = memoryMb;
        tg.tasks = new ArrayList<>(List.of(t));
        j.taskGroups = new ArrayList<>(List.of(tg));
        return j;
    }

    /** Nomad's defaults: services unlimited with exponential delay from 30s; batch one attempt in 24h after 5s. */
    static ReschedulePolicy reschedulePolicy(String type) {
        ReschedulePolicy p = new ReschedulePolicy();
        if (Job.TYPE_BATCH.equals(type)) {
            p.attempts = 1;
            p.interval = Duration.ofHours(24).toNanos();
            p.delay = Duration.ofSeconds(5).toNanos();
            p.delayFunction = "constant";
            p.maxDelay = 0L;
            p.unlimited = false;
        } else if (Job.TYPE_SERVICE.equals(type)) {
            p.attempts = 0;
            p.interval = 0L;
            p.delay = Duration.ofSeconds(30).toNanos();
            p.delayFunction = "exponential";
            p.maxDelay = Duration.ofHours(1).toNanos();
            p.unlimited = true;
        } else {
            return null;
        }
        return p;
    }

    /** A static port ask for every task of the job's first group. */
    public static void withStaticPort(Job job, String label, int port) {
        for (Task t : job.taskGroups.get(0).tasks) {
            NetworkResource n = new NetworkResource();
            n.mbits = 10;
            n.reservedPorts = new ArrayList<>(List.of(new Port(label, port, 0)));
            t.resources.networks = new ArrayList<>(List.of(n));
        }
    }

    public static Constraint constraint(String lTarget, String operand, String rTarget) {
        return new Constraint(lTarget, operand, rTarget);
    }

    /** A pending evaluation of {@code job} triggered by {@code trigger}. */
    public static Evaluation eval(String id, Job job, String trigger) {
        Evaluation e = Commands.eval(job, trigger, 0);
        e.id = id;
        e.jobModifyIndex = job.jobModifyIndex;
        return e;
    }

    /** A running allocation of {@code job}'s first group named with {@code index}, on {@code node}. */
    public static Allocation alloc(String id, Job job, int index, Node node) {
        TaskGroup tg = job.taskGroups.get(0);
        Allocation a = new Allocation();
        a.id = id;
        a.namespace = job.namespace;
        a.evalId = "eval-old";
        a.name = Allocation.allocName(job.id, tg.name, index);
        a.jobId = job.id;
        a.job = job;
        a.taskGroup = tg.name;
        a.nodeId = node.id;
        a.nodeName = node.name;
        a.allocatedResources = new io.drover.model.alloc.AllocatedResources();
        a.allocatedResources.tasks = new LinkedHashMap<>();
        for (Task t : tg.tasks) {
            a.allocatedResources.tasks.put(t.name,
                    new io.drover.model.alloc.AllocatedTaskResources(t.resources.cpu, t.resources.memoryMb));
        }
        a.allocatedResources.shared = new io.drover.model.alloc.AllocatedSharedResources(tg.ephemeralDisk.sizeMb);
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = Allocation.CLIENT_RUNNING;
        return a;
    }
}
