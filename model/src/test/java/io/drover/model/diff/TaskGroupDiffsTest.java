package io.drover.model.diff;

import static io.drover.model.diff.DiffType.ADDED;
import static io.drover.model.diff.DiffType.DELETED;
import static io.drover.model.diff.DiffType.EDITED;
import static io.drover.model.diff.DiffType.NONE;
import static io.drover.model.diff.Expected.added;
import static io.drover.model.diff.Expected.deleted;
import static io.drover.model.diff.Expected.edited;
import static io.drover.model.diff.Expected.list;
import static io.drover.model.diff.Expected.object;
import static io.drover.model.diff.Expected.same;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.MigrateStrategy;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.RestartPolicy;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.UpdateStrategy;
import io.drover.model.connect.ConsulConnect;
import io.drover.model.connect.ConsulProxy;
import io.drover.model.connect.ConsulSidecarService;
import io.drover.model.connect.ConsulUpstream;
import io.drover.model.connect.SidecarTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nomad's TestTaskGroupDiff cases (nomad/structs/diff_test.go, v0.11.3), on the Java model. */
class TaskGroupDiffsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void groupsWithDifferentNamesAreRefused() {
        assertThatThrownBy(() -> TaskGroupDiffs.diff(group("foo"), group("bar"), false))
                .hasMessage("can not diff task groups with different names: \"foo\" and \"bar\"");
    }

    @Test
    void countAndMetaAreTheGroupsFields() {
        TaskGroup old = group("foo");
        old.count = 10;
        old.meta = Map.of("foo", "bar");
        TaskGroup updated = group("foo");
        updated.count = 100;
        updated.meta = Map.of("foo", "baz");

        assertThat(TaskGroupDiffs.diff(old, updated, true)).isEqualTo(new TaskGroupDiff(EDITED, "foo", list(
                edited("Count", "10", "100"),
                edited("Meta[foo]", "bar", "baz")), null, null));
    }

    @Test
    void restartPolicyEditedWithContext() {
        TaskGroup old = group(null);
        old.restartPolicy = restart(1, SECOND, SECOND, "fail");
        TaskGroup updated = group(null);
        updated.restartPolicy = restart(2, 2 * SECOND, SECOND, "fail");

        assertThat(TaskGroupDiffs.diff(old, updated, true).objects).containsExactly(
                object(EDITED, "RestartPolicy", list(
                        edited("Attempts", "1", "2"),
                        same("Delay", "1000000000"),
                        edited("Interval", "1000000000", "2000000000"),
                        same("Mode", "fail"))));
    }

    @Test
    void updateStrategyDeletedHidesStagger() {
        TaskGroup old = group(null);
        old.update = new UpdateStrategy();
        old.update.autoRevert = true;
        old.update.stagger = 30 * SECOND;

        assertThat(TaskGroupDiffs.diff(old, group(null), false)).isEqualTo(new TaskGroupDiff(EDITED, "", null, list(
                object(DELETED, "Update", list(
                        deleted("AutoPromote", "false"),
                        deleted("AutoRevert", "true"),
                        deleted("Canary", "0"),
                        deleted("HealthyDeadline", "0"),
                        deleted("MaxParallel", "0"),
                        deleted("MinHealthyTime", "0"),
                        deleted("ProgressDeadline", "0")))), null));
    }

    @Test
    void servicesWithChecksAndConnectEditedWithContext() {
        ServiceCheck oldCheck = check("foo", "http", "foo", "foo", "http", true, SECOND);
        oldCheck.args = list("foo");
        SidecarTask sidecar = new SidecarTask();
        sidecar.name = "sidecar";
        sidecar.driver = "docker";
        sidecar.env = Map.of("FOO", "BAR");
        sidecar.config = Map.of("foo", "baz");
        TaskGroup old = group(null);
        old.services = list(service("foo", false, list(oldCheck), connect(null, sidecar)));

        ServiceCheck newCheck = check("foo", "tcp", "bar", "bar", "tcp", false, 2 * SECOND);
        newCheck.header = Map.of("Foo", list("baz"));
        ConsulProxy proxy = new ConsulProxy();
        proxy.localServiceAddress = "127.0.0.1";
        proxy.localServicePort = 8080;
        ConsulUpstream upstream = new ConsulUpstream();
        upstream.destinationName = "foo";
        upstream.localBindPort = 8000;
        proxy.upstreams = list(upstream);
        proxy.config = Map.of("foo", "qux");
        ConsulSidecarService sidecarService = new ConsulSidecarService();
        sidecarService.port = "http";
        sidecarService.proxy = proxy;
        TaskGroup updated = group(null);
        updated.services = list(service("foo", true, list(newCheck), connect(sidecarService, null)));

        assertThat(TaskGroupDiffs.diff(old, updated, true)).isEqualTo(new TaskGroupDiff(EDITED, "", null, list(
                object(EDITED, "Service", list(
                                same("AddressMode", ""),
                                edited("EnableTagOverride", "false", "true"),
                                same("Name", "foo"),
                                same("PortLabel", "")),
                        object(EDITED, "Check", list(
                                        same("AddressMode", ""),
                                        edited("Command", "foo", "bar"),
                                        edited("Expose", "true", "false"),
                                        same("GRPCService", ""),
                                        same("GRPCUseTLS", "false"),
                                        same("InitialStatus", ""),
                                        edited("Interval", "1000000000", "2000000000"),
                                        same("Method", ""),
                                        same("Name", "foo"),
                                        edited("Path", "foo", "bar"),
                                        same("PortLabel", ""),
                                        edited("Protocol", "http", "tcp"),
                                        same("TLSSkipVerify", "false"),
                                        same("TaskName", ""),
                                        edited("Timeout", "1000000000", "2000000000"),
                                        edited("Type", "http", "tcp")),
                                object(ADDED, "Header", list(added("Foo[0]", "baz")))),
                        object(EDITED, "ConsulConnect", list(same("Native", "false")),
                                object(ADDED, "SidecarService", list(added("Port", "http")),
                                        object(ADDED, "ConsulProxy", list(
                                                        added("LocalServiceAddress", "127.0.0.1"),
                                                        added("LocalServicePort", "8080")),
                                                object(ADDED, "ConsulUpstreams", list(
                                                        added("DestinationName", "foo"),
                                                        added("LocalBindPort", "8000"))),
                                                object(ADDED, "Config", list(added("foo", "qux"))))),
                                object(DELETED, "SidecarTask", list(
                                                deleted("Driver", "docker"),
                                                deleted("Env[FOO]", "BAR"),
                                                deleted("Name", "sidecar")),
                                        object(DELETED, "Config", list(deleted("foo", "baz"))))))), null));
    }

    @Test
    void changedNetworkIsOneAddedAndOneDeletedWithTheirPorts() {
        TaskGroup old = group(null);
        old.networks = list(network("foo", 100, list(new Port("foo", 80, 0)), null));
        TaskGroup updated = group(null);
        updated.networks = list(network("bar", 200, null, list(new Port("bar", 0, 8081))));

        assertThat(TaskGroupDiffs.diff(old, updated, true).objects).containsExactly(
                object(ADDED, "Network", list(added("MBits", "200"), same("Mode", "")),
                        object(ADDED, "Dynamic Port", list(added("Label", "bar"), added("To", "8081")))),
                object(DELETED, "Network", list(deleted("MBits", "100"), same("Mode", "")),
                        object(DELETED, "Static Port", list(deleted("Label", "foo"), deleted("To", "0"),
                                deleted("Value", "80")))));
    }

    @Test
    void tasksAreMatchedByNameAndSorted() {
        TaskGroup old = group(null);
        old.tasks = list(task("foo", "docker", 0), task("bar", "docker", 0), task("baz", null, SECOND));
        TaskGroup updated = group(null);
        updated.tasks = list(task("bar", "docker", 0), task("bam", "docker", 0), task("baz", null, 2 * SECOND));

        assertThat(TaskGroupDiffs.diff(old, updated, false).tasks).containsExactly(
                new TaskDiff(ADDED, "bam", list(added("Driver", "docker"), added("KillTimeout", "0"),
                        added("Leader", "false"), added("ShutdownDelay", "0")), null),
                new TaskDiff(NONE, "bar", null, null),
                new TaskDiff(EDITED, "baz", list(edited("ShutdownDelay", "1000000000", "2000000000")), null),
                new TaskDiff(DELETED, "foo", list(deleted("Driver", "docker"), deleted("KillTimeout", "0"),
                        deleted("Leader", "false"), deleted("ShutdownDelay", "0")), null));
    }

    @Test
    void shutdownDelayIsAPointerSpelledOutOnlyForEditedGroups() {
        assertThat(shutdownDelay(30 * SECOND, 5 * SECOND).fields)
                .containsExactly(edited("ShutdownDelay", "30000000000", "5000000000"));
        assertThat(shutdownDelay(30 * SECOND, null).fields).containsExactly(deleted("ShutdownDelay", "30000000000"));
        assertThat(shutdownDelay(null, 30 * SECOND).fields).containsExactly(added("ShutdownDelay", "30000000000"));

        TaskGroup added = group("g");
        added.shutdownDelay = 30 * SECOND;
        assertThat(TaskGroupDiffs.diff(null, added, false).fields).containsExactly(added("Count", "0"));
    }

    /** A change Nomad does not show still makes the group Edited, with nothing listed. */
    @Test
    void changeToAnUnshownPartStillEditsTheGroup() {
        TaskGroup old = group("g");
        TaskGroup updated = group("g");
        updated.migrate = new MigrateStrategy();
        updated.migrate.maxParallel = 2;

        assertThat(TaskGroupDiffs.diff(old, updated, true)).isEqualTo(new TaskGroupDiff(EDITED, "g", null, null, null));
    }

    private static TaskGroupDiff shutdownDelay(Long old, Long updated) {
        TaskGroup o = group(null);
        o.shutdownDelay = old;
        TaskGroup n = group(null);
        n.shutdownDelay = updated;
        return TaskGroupDiffs.diff(o, n, false);
    }

    private static TaskGroup group(String name) {
        TaskGroup g = new TaskGroup();
        g.name = name;
        return g;
    }

    private static RestartPolicy restart(int attempts, long interval, long delay, String mode) {
        RestartPolicy r = new RestartPolicy();
        r.attempts = attempts;
        r.interval = interval;
        r.delay = delay;
        r.mode = mode;
        return r;
    }

    private static ServiceCheck check(String name, String type, String command, String path, String protocol,
            boolean expose, long every) {
        ServiceCheck c = new ServiceCheck();
        c.name = name;
        c.type = type;
        c.command = command;
        c.path = path;
        c.protocol = protocol;
        c.expose = expose;
        c.interval = every;
        c.timeout = every;
        return c;
    }

    private static Service service(String name, boolean enableTagOverride, List<ServiceCheck> checks,
            ConsulConnect connect) {
        Service s = new Service();
        s.name = name;
        s.enableTagOverride = enableTagOverride;
        s.checks = checks;
        s.connect = connect;
        return s;
    }

    private static ConsulConnect connect(ConsulSidecarService sidecarService, SidecarTask sidecarTask) {
        ConsulConnect c = new ConsulConnect();
        c.sidecarService = sidecarService;
        c.sidecarTask = sidecarTask;
        return c;
    }

    private static NetworkResource network(String device, int mbits, List<Port> reserved, List<Port> dynamic) {
        NetworkResource n = new NetworkResource();
        n.device = device;
        n.cidr = device;
        n.ip = device;
        n.mbits = mbits;
        n.reservedPorts = reserved;
        n.dynamicPorts = dynamic;
        return n;
    }

    private static Task task(String name, String driver, long shutdownDelay) {
        Task t = new Task();
        t.name = name;
        t.driver = driver;
        t.shutdownDelay = shutdownDelay;
        return t;
    }
}
