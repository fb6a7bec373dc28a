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

import io.drover.model.CheckRestart;
import io.drover.model.DispatchPayloadConfig;
import io.drover.model.LogConfig;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.RequestedDevice;
import io.drover.model.Resources;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Task;
import io.drover.model.TaskArtifact;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.Template;
import io.drover.model.Vault;
import io.drover.model.connect.ConsulConnect;
import io.drover.model.connect.ConsulSidecarService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nomad's TestTaskDiff cases (nomad/structs/diff_test.go, v0.11.3), on the Java model. */
class TaskDiffsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void samePrimitivesAreNone() {
        assertThat(TaskDiffs.diff(primitives(), primitives(), true)).isEqualTo(new TaskDiff(NONE, "foo", null, null));
    }

    @Test
    void editedPrimitivesAreListedByName() {
        Task updated = task("foo");
        updated.driver = "docker";
        updated.user = "bar";
        updated.env = Map.of("FOO", "baz");
        updated.meta = Map.of("foo", "baz");
        updated.killTimeout = 2 * SECOND;
        updated.leader = false;

        assertThat(TaskDiffs.diff(primitives(), updated, false)).isEqualTo(new TaskDiff(EDITED, "foo", list(
                edited("Driver", "exec", "docker"),
                edited("Env[FOO]", "bar", "baz"),
                edited("KillTimeout", "1000000000", "2000000000"),
                edited("Leader", "true", "false"),
                edited("Meta[foo]", "bar", "baz"),
                edited("User", "foo", "bar")), null));
    }

    @Test
    void envAndMetaKeysAreFieldsOfTheirOwn() {
        Task old = task(null);
        old.meta = Map.of("foo", "foo", "bar", "bar");
        old.env = Map.of("foo", "foo", "bar", "bar");
        Task updated = task(null);
        updated.meta = Map.of("bar", "bar", "baz", "baz");
        updated.env = Map.of("bar", "bar", "baz", "baz");

        assertThat(TaskDiffs.diff(old, updated, false).fields).containsExactly(
                added("Env[baz]", "baz"),
                deleted("Env[foo]", "foo"),
                added("Meta[baz]", "baz"),
                deleted("Meta[foo]", "foo"));
    }

    @Test
    void logConfigEditedWithContext() {
        Task old = task(null);
        old.logConfig = logConfig(1, 10);
        Task updated = task(null);
        updated.logConfig = logConfig(1, 20);

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "LogConfig", list(
                edited("MaxFileSizeMB", "10", "20"),
                same("MaxFiles", "1"))));
    }

    @Test
    void aChangedArtifactIsOneAddedAndOneDeleted() {
        Task old = task(null);
        old.artifacts = list(artifact("foo", Map.of("foo", "bar"), null, "foo"),
                artifact("bar", Map.of("bar", "baz"), "dir", "bar"));
        Task updated = task(null);
        updated.artifacts = list(artifact("foo", Map.of("foo", "bar"), null, "foo"),
                artifact("bam", Map.of("bam", "baz"), "file", "bam"));

        assertThat(TaskDiffs.diff(old, updated, false).objects).containsExactly(
                object(ADDED, "Artifact", list(added("GetterMode", "file"), added("GetterOptions[bam]", "baz"),
                        added("GetterSource", "bam"), added("RelativeDest", "bam"))),
                object(DELETED, "Artifact", list(deleted("GetterMode", "dir"), deleted("GetterOptions[bar]", "baz"),
                        deleted("GetterSource", "bar"), deleted("RelativeDest", "bar"))));
    }

    @Test
    void resourcesEditedWithContext() {
        Task old = task(null);
        old.resources = resources(100, 100, 100);
        Task updated = task(null);
        updated.resources = resources(200, 100, 200);

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "Resources", list(
                edited("CPU", "100", "200"),
                edited("DiskMB", "100", "200"),
                same("IOPS", "0"),
                same("MemoryMB", "100"))));
    }

    @Test
    void aChangedTaskNetworkIsOneAddedAndOneDeleted() {
        Task old = task(null);
        old.resources = new Resources();
        old.resources.networks = list(network("foo", 100, new Port("foo", 80, 0), new Port("bar", 0, 8080)));
        Task updated = task(null);
        updated.resources = new Resources();
        updated.resources.networks = list(network("bar", 200, new Port("foo", 81, 0), new Port("baz", 0, 8081)));

        assertThat(TaskDiffs.diff(old, updated, false).objects).containsExactly(object(EDITED, "Resources", null,
                object(ADDED, "Network", list(added("MBits", "200")),
                        object(ADDED, "Static Port", list(added("Label", "foo"), added("To", "0"), added("Value", "81"))),
                        object(ADDED, "Dynamic Port", list(added("Label", "baz"), added("To", "8081")))),
                object(DELETED, "Network", list(deleted("MBits", "100")),
                        object(DELETED, "Static Port", list(deleted("Label", "foo"), deleted("To", "0"),
                                deleted("Value", "80"))),
                        object(DELETED, "Dynamic Port", list(deleted("Label", "bar"), deleted("To", "8080"))))));
    }

    @Test
    void devicesAreMatchedByNameWithContext() {
        Task old = task(null);
        old.resources = resources(100, 100, 100);
        old.resources.devices = list(device("foo", 2), device("bar", 2), device("baz", 2));
        Task updated = task(null);
        updated.resources = resources(100, 100, 100);
        updated.resources.devices = list(device("foo", 2), device("bar", 3), device("bam", 2));

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "Resources", list(
                        same("CPU", "100"), same("DiskMB", "100"), same("IOPS", "0"), same("MemoryMB", "100")),
                object(EDITED, "Device", list(edited("Count", "2", "3"), same("Name", "bar"))),
                object(ADDED, "Device", list(added("Count", "2"), added("Name", "bam"))),
                object(DELETED, "Device", list(deleted("Count", "2"), deleted("Name", "baz")))));
    }

    @Test
    void sameConfigIsNoObject() {
        Task old = task(null);
        old.config = config();
        Task updated = task(null);
        updated.config = config();

        assertThat(TaskDiffs.diff(old, updated, true)).isEqualTo(new TaskDiff(NONE, "", null, null));
    }

    /** Nomad's "Config edited" case, with the values a JSON body gives (numbers are float64s). */
    @Test
    void configIsFlattenedWhole() {
        Task old = task(null);
        old.config = config();
        Task updated = task(null);
        updated.config = config();
        updated.config.put("foo", 2L);
        updated.config.put("bam", list("a", "c", "d"));
        updated.config.put("baz", Map.of("b", 3L, "c", 4L));

        assertThat(TaskDiffs.diff(old, updated, false).objects).containsExactly(object(EDITED, "Config", list(
                edited("bam[1]", "b", "c"),
                added("bam[2]", "d"),
                deleted("baz[a]", "1"),
                edited("baz[b]", "2", "3"),
                added("baz[c]", "4"),
                edited("foo", "1", "2"))));
    }

    @Test
    void configEditedWithContextListsEveryValue() {
        Task old = task(null);
        old.config = config();
        Task updated = task(null);
        updated.config = config();
        updated.config.put("foo", 2L);
        updated.config.put("bam", list("a", "c", "d"));

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "Config", list(
                same("bam[0]", "a"),
                edited("bam[1]", "b", "c"),
                added("bam[2]", "d"),
                same("bar", "baz"),
                same("baz[a]", "1"),
                same("baz[b]", "2"),
                edited("foo", "1", "2"))));
    }

    /** What a driver config decoded from JSON holds: nested maps in lists, floats, bools, null. */
    @Test
    void configValuesAreSpelledAsGoPrintsDecodedJson() {
        Task old = task(null);
        old.config = new LinkedHashMap<>(Map.of("command", "/bin/sleep"));
        Task updated = task(null);
        updated.config = new LinkedHashMap<>();
        updated.config.put("command", "/bin/sleep");
        updated.config.put("port_map", list(Map.of("http", 8080L)));
        updated.config.put("memory", 1_000_000L);
        updated.config.put("ratio", 0.5d);
        updated.config.put("privileged", true);
        updated.config.put("entrypoint", null);
        updated.config.put("args", List.of());

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "Config", list(
                same("command", "/bin/sleep"),
                added("entrypoint", "nil"),
                added("memory", "1e+06"),
                added("port_map[0][http]", "8080"),
                added("privileged", "true"),
                added("ratio", "0.5"))));
    }

    @Test
    void serviceEditedWithContextListsUnchangedFields() {
        Task old = task(null);
        old.services = list(service("foo", "foo", null));
        Task updated = task(null);
        updated.services = list(service("foo", "bar", "driver"));

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "Service", list(
                added("AddressMode", "driver"),
                same("EnableTagOverride", "false"),
                same("Name", "foo"),
                edited("PortLabel", "foo", "bar"))));
    }

    @Test
    void serviceTagsEditedWithContext() {
        Service oldService = new Service();
        oldService.tags = list("foo", "bar");
        oldService.canaryTags = list("foo", "bar");
        Service newService = new Service();
        newService.tags = list("bar", "bam");
        newService.canaryTags = list("bar", "bam");
        Task old = task(null);
        old.services = list(oldService);
        Task updated = task(null);
        updated.services = list(newService);

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "Service", list(
                        same("AddressMode", ""), same("EnableTagOverride", "false"), same("Name", ""),
                        same("PortLabel", "")),
                object(EDITED, "CanaryTags", list(added("CanaryTags", "bam"), same("CanaryTags", "bar"),
                        deleted("CanaryTags", "foo"))),
                object(EDITED, "Tags", list(added("Tags", "bam"), same("Tags", "bar"), deleted("Tags", "foo")))));
    }

    @Test
    void serviceWithConnectAdded() {
        Task old = task(null);
        old.services = list(service("foo", null, null));
        Service withConnect = service("foo", null, null);
        withConnect.connect = new ConsulConnect();
        withConnect.connect.sidecarService = new ConsulSidecarService();
        Task updated = task(null);
        updated.services = list(withConnect);

        assertThat(TaskDiffs.diff(old, updated, false).objects).containsExactly(object(EDITED, "Service", null,
                object(ADDED, "ConsulConnect", list(added("Native", "false")),
                        object(ADDED, "SidecarService", null))));
    }

    @Test
    void checkRestartAddedEditedAndDeleted() {
        ServiceCheck foo = httpCheck("foo", null);
        ServiceCheck bar = httpCheck("bar", checkRestart(2, 2 * SECOND));
        ServiceCheck baz = httpCheck("baz", checkRestart(3, 3 * SECOND));
        Task old = task(null);
        old.services = list(service("foo", null, null));
        old.services.get(0).checks = list(foo, bar, baz);
        Task updated = task(null);
        updated.services = list(service("foo", null, null));
        updated.services.get(0).checks = list(httpCheck("foo", checkRestart(1, SECOND)), httpCheck("bar", null),
                httpCheck("baz", checkRestart(4, 4 * SECOND)));

        assertThat(TaskDiffs.diff(old, updated, false).objects).containsExactly(object(EDITED, "Service", null,
                object(EDITED, "Check", null,
                        object(EDITED, "CheckRestart", list(edited("Grace", "3000000000", "4000000000"),
                                edited("Limit", "3", "4")))),
                object(EDITED, "Check", null,
                        object(ADDED, "CheckRestart", list(added("Grace", "1000000000"),
                                added("IgnoreWarnings", "false"), added("Limit", "1")))),
                object(EDITED, "Check", null,
                        object(DELETED, "CheckRestart", list(deleted("Grace", "2000000000"),
                                deleted("IgnoreWarnings", "false"), deleted("Limit", "2"))))));
    }

    @Test
    void vaultEditedWithContext() {
        Task old = task(null);
        old.vault = vault(list("foo", "bar"));
        Task updated = task(null);
        updated.vault = vault(list("bar", "baz"));

        assertThat(TaskDiffs.diff(old, updated, true).objects).containsExactly(object(EDITED, "Vault", list(
                        same("ChangeMode", "signal"), same("ChangeSignal", "SIGUSR1"), same("Env", "true")),
                object(EDITED, "Policies", list(added("Policies", "baz"), same("Policies", "bar"),
                        deleted("Policies", "foo")))));
    }

    @Test
    void aChangedTemplateIsOneAddedAndOneDeleted() {
        Task old = task(null);
        old.templates = list(template("foo", "bar", "baz", "bam", "SIGHUP", 1, "0644", false),
                template("foo2", "bar2", "baz2", "bam2", "SIGHUP2", 2, "0666", true));
        Task updated = task(null);
        updated.templates = list(template("foo", "bar", "baz", "bam", "SIGHUP", 1, "0644", false),
                template("foo3", "bar3", "baz3", "bam3", "SIGHUP3", 3, "0776", false));

        assertThat(TaskDiffs.diff(old, updated, false).objects).containsExactly(
                object(ADDED, "Template", list(added("ChangeMode", "bam3"), added("ChangeSignal", "SIGHUP3"),
                        added("DestPath", "bar3"), added("EmbeddedTmpl", "baz3"), added("Envvars", "false"),
                        added("Perms", "0776"), added("SourcePath", "foo3"), added("Splay", "3"),
                        added("VaultGrace", "0"))),
                object(DELETED, "Template", list(deleted("ChangeMode", "bam2"), deleted("ChangeSignal", "SIGHUP2"),
                        deleted("DestPath", "bar2"), deleted("EmbeddedTmpl", "baz2"), deleted("Envvars", "true"),
                        deleted("Perms", "0666"), deleted("SourcePath", "foo2"), deleted("Splay", "2"),
                        deleted("VaultGrace", "0"))));
    }

    @Test
    void dispatchPayloadAdded() {
        Task updated = task(null);
        updated.dispatchPayload = new DispatchPayloadConfig();
        updated.dispatchPayload.file = "foo";

        assertThat(TaskDiffs.diff(task(null), updated, false)).isEqualTo(new TaskDiff(EDITED, "", null, list(
                object(ADDED, "DispatchPayload", list(added("File", "foo"))))));
    }

    /** Nomad does not diff a task's Lifecycle, but the task is still Edited. */
    @Test
    void lifecycleChangeEditsTheTaskWithNothingListed() {
        Task updated = task("t");
        updated.lifecycle = new TaskLifecycleConfig();
        updated.lifecycle.hook = "prestart";

        assertThat(TaskDiffs.diff(task("t"), updated, true)).isEqualTo(new TaskDiff(EDITED, "t", null, null));
    }

    private static Task task(String name) {
        Task t = new Task();
        t.name = name;
        return t;
    }

    private static Task primitives() {
        Task t = task("foo");
        t.driver = "exec";
        t.user = "foo";
        t.env = Map.of("FOO", "bar");
        t.meta = Map.of("foo", "bar");
        t.killTimeout = SECOND;
        t.leader = true;
        return t;
    }

    private static LogConfig logConfig(int maxFiles, int maxFileSizeMb) {
        LogConfig l = new LogConfig();
        l.maxFiles = maxFiles;
        l.maxFileSizeMb = maxFileSizeMb;
        return l;
    }

    private static TaskArtifact artifact(String source, Map<String, String> options, String mode, String dest) {
        TaskArtifact a = new TaskArtifact();
        a.getterSource = source;
        a.getterOptions = options;
        a.getterMode = mode;
        a.relativeDest = dest;
        return a;
    }

    private static Resources resources(int cpu, int memoryMb, int diskMb) {
        Resources r = new Resources();
        r.cpu = cpu;
        r.memoryMb = memoryMb;
        r.diskMb = diskMb;
        return r;
    }

    private static NetworkResource network(String device, int mbits, Port reserved, Port dynamic) {
        NetworkResource n = new NetworkResource();
        n.device = device;
        n.cidr = device;
        n.ip = device;
        n.mbits = mbits;
        n.reservedPorts = list(reserved);
        n.dynamicPorts = list(dynamic);
        return n;
    }

    private static RequestedDevice device(String name, long count) {
        RequestedDevice d = new RequestedDevice();
        d.name = name;
        d.count = count;
        return d;
    }

    /** Nomad's test config, as JSON would give it. */
    private static Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("foo", 1L);
        c.put("bar", "baz");
        c.put("bam", list("a", "b"));
        c.put("baz", Map.of("a", 1L, "b", 2L));
        return c;
    }

    private static Service service(String name, String portLabel, String addressMode) {
        Service s = new Service();
        s.name = name;
        s.portLabel = portLabel;
        s.addressMode = addressMode;
        return s;
    }

    private static ServiceCheck httpCheck(String name, CheckRestart checkRestart) {
        ServiceCheck c = new ServiceCheck();
        c.name = name;
        c.type = "http";
        c.command = "foo";
        c.args = list("foo");
        c.path = "foo";
        c.protocol = "http";
        c.interval = SECOND;
        c.timeout = SECOND;
        c.checkRestart = checkRestart;
        return c;
    }

    private static CheckRestart checkRestart(int limit, long grace) {
        CheckRestart r = new CheckRestart();
        r.limit = limit;
        r.grace = grace;
        return r;
    }

    private static Vault vault(List<String> policies) {
        Vault v = new Vault();
        v.policies = policies;
        v.env = true;
        v.changeMode = "signal";
        v.changeSignal = "SIGUSR1";
        return v;
    }

    private static Template template(String source, String dest, String embedded, String changeMode,
            String changeSignal, long splay, String perms, boolean envvars) {
        Template t = new Template();
        t.sourcePath = source;
        t.destPath = dest;
        t.embeddedTmpl = embedded;
        t.changeMode = changeMode;
        t.changeSignal = changeSignal;
        t.splay = splay;
        t.perms = perms;
        t.envvars = envvars;
        return t;
    }
}
