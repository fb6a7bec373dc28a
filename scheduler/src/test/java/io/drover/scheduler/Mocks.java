package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.BodyDecodeException;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.node.DriverInfo;
import io.drover.model.node.Node;
import io.drover.model.node.Nodes;
import io.drover.model.scheduling.Evaluation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test fixtures shaped like Nomad's {@code nomad/mock/mock.go}: a typical node, service, batch
 * and system jobs, an allocation and an evaluation. IDs are UUID-shaped but come from a counter,
 * so a test run is repeatable. Each call returns a fresh object the test may change.
 */
public final class Mocks {
    private static final AtomicLong IDS = new AtomicLong();

    private Mocks() {
    }

    /** A fresh UUID-shaped ID; ascending within a run. */
    public static String uuid() {
        long n = IDS.incrementAndGet();
        return String.format("%08x-0000-4000-8000-%012x", n >>> 48, n & 0xffffffffffffL);
    }

    /**
     * Nomad's mock.Node: dc1, class linux-medium-pci, 4000 MHz, 8192 MB, 100 GB, eth0
     * 192.168.0.100/32 with 1000 MBits; 100 MHz, 256 MB, 4 GB and port 22 reserved; drivers exec,
     * raw_exec and mock_driver detected and healthy; kernel.name linux; ready and eligible;
     * computed class set.
     */
    public static Node node() {
        return asSchedulerTestsSeeIt(Nodes.mock(uuid()));
    }

    /** What Nomad's scheduler tests see of a mock node beyond the structs' own mock. */
    private static Node asSchedulerTestsSeeIt(Node n) {
        n.secretId = uuid();
        n.httpAddr = "192.168.0.100:4646";
        n.drivers = new LinkedHashMap<>();
        for (String d : List.of("exec", "raw_exec", "mock_driver")) {
            n.drivers.put(d, driver(true, true));
        }
        n.attributes.put("driver.raw_exec", "1");
        n.attributes.put("unique.hostname", "foobar");
        n.attributes.put("unique.network.ip-address", "192.168.0.100");
        n.nodeResources.networks.get(0).ip = "";
        n.computeClass();
        return n;
    }

    /** {@code count} mock nodes. */
    public static List<Node> nodes(int count) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(node());
        }
        return out;
    }

    /** Nomad's mock.NvidiaNode: the mock node with two healthy nvidia/gpu/1080ti instances. */
    public static Node nvidiaNode() {
        return asSchedulerTestsSeeIt(Nodes.nvidia(uuid()));
    }

    public static DriverInfo driver(boolean detected, boolean healthy) {
        DriverInfo d = new DriverInfo();
        d.detected = detected;
        d.healthy = healthy;
        d.healthDescription = healthy ? "healthy" : "unhealthy";
        return d;
    }

    public static NetworkResource network(String device, String cidr, String ip, int mbits) {
        NetworkResource n = new NetworkResource();
        n.mode = "";
        n.device = device;
        n.cidr = cidr;
        n.ip = ip;
        n.mbits = mbits;
        return n;
    }

    /**
     * Nomad's mock.Job, canonicalized: service job "my-job" in dc1, constraint
     * {@code ${attr.kernel.name} = linux}, group "web" (count 10, 150 MB disk) with one exec task
     * "web" asking 500 MHz, 256 MB and 50 MBits with dynamic ports http and admin.
     */
    public static Job job() {
        return canonical("""
                {"ID": "mock-service-%s", "Name": "my-job", "Namespace": "default", "Type": "service",
                 "Priority": 50, "Datacenters": ["dc1"],
                 "Constraints": [{"LTarget": "${attr.kernel.name}", "RTarget": "linux", "Operand": "="}],
                 "TaskGroups": [{
                   "Name": "web", "Count": 10,
                   "EphemeralDisk": {"SizeMB": 150},
                   "RestartPolicy": {"Attempts": 3, "Interval": 600000000000, "Delay": 60000000000, "Mode": "delay"},
                   "ReschedulePolicy": {"Attempts": 2, "Interval": 600000000000, "Delay": 5000000000,
                                        "DelayFunction": "constant"},
                   "Tasks": [{
                     "Name": "web", "Driver": "exec",
                     "Config": {"command": "/bin/date"},
                     "Env": {"FOO": "bar"},
                     "Services": [{"Name": "${TASK}-frontend", "PortLabel": "http",
                                   "Tags": ["pci:${meta.pci-dss}", "datacenter:${node.datacenter}"]},
                                  {"Name": "${TASK}-admin", "PortLabel": "admin"}],
                     "Resources": {"CPU": 500, "MemoryMB": 256,
                                   "Networks": [{"MBits": 50, "DynamicPorts": [{"Label": "http"}, {"Label": "admin"}]}]},
                     "Meta": {"foo": "bar"}
                   }],
                   "Meta": {"elb_check_type": "http", "elb_check_interval": "30s", "elb_check_min": "3"}
                 }],
                 "Meta": {"owner": "armon"}}
                """.formatted(uuid()));
    }

    /** Nomad's mock.BatchJob: group "web" of 10, one mock_driver task asking 100 MHz, 100 MB and 50 MBits. */
    public static Job batchJob() {
        return canonical("""
                {"ID": "mock-batch-%s", "Name": "batch-job", "Namespace": "default", "Type": "batch",
                 "Priority": 50, "Datacenters": ["dc1"],
                 "TaskGroups": [{
                   "Name": "web", "Count": 10,
                   "EphemeralDisk": {"SizeMB": 150},
                   "RestartPolicy": {"Attempts": 3, "Interval": 600000000000, "Delay": 60000000000, "Mode": "delay"},
                   "ReschedulePolicy": {"Attempts": 2, "Interval": 600000000000, "Delay": 5000000000,
                                        "DelayFunction": "constant"},
                   "Tasks": [{
                     "Name": "web", "Driver": "mock_driver",
                     "Config": {"run_for": "500ms"},
                     "Env": {"FOO": "bar"},
                     "Resources": {"CPU": 100, "MemoryMB": 100, "Networks": [{"MBits": 50}]},
                     "Meta": {"foo": "bar"}
                   }]
                 }]}
                """.formatted(uuid()));
    }

    /** Nomad's mock.SystemJob: priority 100, group "web" with one exec task asking 500 MHz, 256 MB and a dynamic port. */
    public static Job systemJob() {
        return canonical("""
                {"ID": "mock-system-%s", "Name": "my-job", "Namespace": "default", "Type": "system",
                 "Priority": 100, "Datacenters": ["dc1"],
                 "Constraints": [{"LTarget": "${attr.kernel.name}", "RTarget": "linux", "Operand": "="}],
                 "TaskGroups": [{
                   "Name": "web", "Count": 1,
                   "RestartPolicy": {"Attempts": 3, "Interval": 600000000000, "Delay": 60000000000, "Mode": "delay"},
                   "Tasks": [{
                     "Name": "web", "Driver": "exec",
                     "Config": {"command": "/bin/date"},
                     "Resources": {"CPU": 500, "MemoryMB": 256,
                                   "Networks": [{"MBits": 50, "DynamicPorts": [{"Label": "http"}]}]}
                   }]
                 }],
                 "Meta": {"owner": "armon"}}
                """.formatted(uuid()));
    }

    /** A register body's job, decoded and canonicalized as the HTTP API does; status pending. */
    public static Job canonical(String jobJson) {
        try {
            Job job = GoJsonDecoder.decode(("{\"Job\": " + jobJson + "}").getBytes(StandardCharsets.UTF_8),
                    JobRegisterBody.class).job;
            JobCanonicalizer.canonicalize(job);
            job.status = Job.STATUS_PENDING;
            return job;
        } catch (BodyDecodeException e) {
            throw new AssertionError("test job does not decode: " + e.getMessage(), e);
        }
    }

    /**
     * Nomad's mock.Alloc: a running-wanted, pending allocation of a fresh {@link #job()}'s group
     * "web" (job attached) holding 500 MHz, 256 MB, 150 MB disk and, on eth0 192.168.0.100,
     * 50 MBits with reserved port admin=5000 and dynamic port http=9876.
     */
    public static Allocation alloc() {
        Allocation a = new Allocation();
        a.id = uuid();
        a.evalId = uuid();
        a.nodeId = "12345678-abcd-efab-cdef-123456789abc";
        a.namespace = Job.DEFAULT_NAMESPACE;
        a.taskGroup = "web";
        a.job = job();
        a.jobId = a.job.id;
        a.name = Allocation.allocName(a.jobId, "web", 0);
        NetworkResource net = network("eth0", "", "192.168.0.100", 50);
        net.reservedPorts = new ArrayList<>(List.of(new Port("admin", 5000, 0)));
        net.dynamicPorts = new ArrayList<>(List.of(new Port("http", 9876, 0)));
        a.allocatedResources = allocated(500, 256, 150, net);
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = Allocation.CLIENT_PENDING;
        return a;
    }

    /** An allocation of {@code job}'s first group on {@code node} holding this CPU, memory and disk. */
    public static Allocation allocFor(Job job, Node node, long cpu, long memoryMb, long diskMb, NetworkResource... networks) {
        Allocation a = new Allocation();
        a.id = uuid();
        a.evalId = uuid();
        a.nodeId = node.id;
        a.nodeName = node.name;
        a.namespace = job.namespace;
        a.job = job;
        a.jobId = job.id;
        a.taskGroup = job.taskGroups.get(0).name;
        a.name = Allocation.allocName(job.id, a.taskGroup, 0);
        a.allocatedResources = allocated(cpu, memoryMb, diskMb, networks);
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = Allocation.CLIENT_RUNNING;
        return a;
    }

    /** One task "web" with this CPU, memory and networks, and this disk shared. */
    public static AllocatedResources allocated(long cpu, long memoryMb, long diskMb, NetworkResource... networks) {
        AllocatedResources r = new AllocatedResources();
        AllocatedTaskResources web = new AllocatedTaskResources(cpu, memoryMb);
        if (networks.length > 0) {
            web.networks = new ArrayList<>(List.of(networks));
        }
        r.tasks = new LinkedHashMap<>(Map.of("web", web));
        r.shared.diskMb = diskMb;
        return r;
    }

    /** Nomad's mock.Eval: a pending service evaluation of priority 50 for a fresh job ID. */
    public static Evaluation eval() {
        Evaluation e = new Evaluation();
        e.id = uuid();
        e.namespace = Job.DEFAULT_NAMESPACE;
        e.priority = 50;
        e.type = Job.TYPE_SERVICE;
        e.jobId = uuid();
        e.status = Evaluation.STATUS_PENDING;
        e.createTime = 0L;
        e.modifyTime = 0L;
        return e;
    }

    /** A pending evaluation of {@code job}, triggered by its registration. */
    public static Evaluation evalFor(Job job) {
        Evaluation e = eval();
        e.namespace = job.namespace;
        e.priority = job.priority;
        e.type = job.type;
        e.jobId = job.id;
        e.triggeredBy = Evaluation.TRIGGER_JOB_REGISTER;
        return e;
    }
}
