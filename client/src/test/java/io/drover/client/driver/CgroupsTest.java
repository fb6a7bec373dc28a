package io.drover.client.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a task's cgroup goes and which files limit it, on a v1 or v2 host (a directory standing in for /sys/fs/cgroup). */
class CgroupsTest {
    private static final String V1_SELF = "9:name=systemd:/\n4:memory:/agents/a1\n2:cpu,cpuacct:/\n0::/\n";

    @TempDir
    Path sys;

    @Test
    void theAgentsOwnCgroupIsReadFromItsProcSelfCgroup() {
        assertThat(Cgroups.ownPath(V1_SELF, "memory")).isEqualTo("agents/a1");
        assertThat(Cgroups.ownPath(V1_SELF, "cpu")).isEmpty();
        assertThat(Cgroups.ownPath("0::/system.slice/drover.service\n", "")).isEqualTo("system.slice/drover.service");
        assertThat(Cgroups.ownPath("", "memory")).isEmpty();
    }

    @Test
    void v1PutsTheTaskUnderTheAgentsCgroupInTheMemoryAndCpuHierarchies() throws Exception {
        Path memoryOwn = hierarchy("memory", "agents/a1");
        Path cpuOwn = hierarchy("cpu", "");
        Files.createDirectories(memoryOwn.resolve("drover/alloc1-web"));
        Files.writeString(memoryOwn.resolve("drover/alloc1-web/memory.memsw.limit_in_bytes"), "9223372036854771712");
        Cgroups cgroups = Cgroups.detect(sys, V1_SELF);

        TaskCgroup cgroup = cgroups.create("alloc1-web", 256L * 1024 * 1024, 500);

        assertThat(cgroups).isInstanceOf(CgroupsV1.class);
        assertThat(cgroups.missing()).isEmpty();
        Path mem = memoryOwn.resolve("drover/alloc1-web");
        Path cpu = cpuOwn.resolve("drover/alloc1-web");
        assertThat(cgroup.procs()).containsExactly(mem.resolve("cgroup.procs"), cpu.resolve("cgroup.procs"));
        assertThat(mem.resolve("memory.limit_in_bytes")).hasContent("268435456");
        // Where swap is accounted it is limited too, so swapping cannot get round the limit.
        assertThat(mem.resolve("memory.memsw.limit_in_bytes")).hasContent("268435456");
        assertThat(cpu.resolve("cpu.shares")).hasContent("500");
    }

    @Test
    void aProcessInATaskCgroupLeadsBackToIt() throws Exception {
        hierarchy("memory", "agents/a1");
        hierarchy("cpu", "");
        Cgroups cgroups = Cgroups.detect(sys, V1_SELF);

        TaskCgroup found = cgroups.of("4:memory:/agents/a1/drover/alloc1-web\n2:cpu,cpuacct:/drover/alloc1-web\n")
                .orElseThrow();

        assertThat(found.dirs()).containsExactly(sys.resolve("memory/agents/a1/drover/alloc1-web"),
                sys.resolve("cpu/drover/alloc1-web"));
        // A process in the agent's own cgroup, or someone else's, is in no task cgroup.
        assertThat(cgroups.of(V1_SELF)).isEmpty();
        assertThat(cgroups.of("4:memory:/other/drover/x\n2:cpu,cpuacct:/drover/x\n")).isEmpty();
        assertThat(Cgroups.detect(sys, "0::/\n").of("0::/\n")).isEmpty();
    }

    @Test
    void v1ReadsOomKillsFromTheOomControlCounter() throws Exception {
        hierarchy("memory", "agents/a1");
        hierarchy("cpu", "");
        TaskCgroup cgroup = Cgroups.detect(sys, V1_SELF).create("alloc1-web", 0, 100);
        Path oomControl = sys.resolve("memory/agents/a1/drover/alloc1-web/memory.oom_control");

        Files.writeString(oomControl, "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        assertThat(cgroup.oomKilled()).isFalse();
        Files.writeString(oomControl, "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
        assertThat(cgroup.oomKilled()).isTrue();
    }

    @Test
    void v2EnablesTheControllersDownToTheTaskAndWritesMaxAndWeight() throws Exception {
        Files.writeString(sys.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        Path own = Files.createDirectories(sys.resolve("drover.service"));
        Files.createDirectories(own.resolve("drover/alloc1-web"));
        Files.writeString(own.resolve("drover/alloc1-web/memory.swap.max"), "max");
        Cgroups cgroups = Cgroups.detect(sys, "0::/drover.service\n");

        TaskCgroup cgroup = cgroups.create("alloc1-web", 64L * 1024 * 1024, 1024);

        assertThat(cgroups).isInstanceOf(CgroupsV2.class);
        assertThat(cgroups.missing()).isEmpty();
        Path dir = own.resolve("drover/alloc1-web");
        assertThat(cgroup.procs()).containsExactly(dir.resolve("cgroup.procs"));
        assertThat(own.resolve("cgroup.subtree_control")).hasContent("+memory +cpu");
        assertThat(own.resolve("drover/cgroup.subtree_control")).hasContent("+memory +cpu");
        assertThat(dir.resolve("memory.max")).hasContent("67108864");
        assertThat(dir.resolve("memory.swap.max")).hasContent("0");
        assertThat(dir.resolve("cpu.weight")).hasContent("39");
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n");
        assertThat(cgroup.oomKilled()).isTrue();
    }

    @Test
    void v2SaysWhichControllersTheTreeLacks() throws Exception {
        Files.writeString(sys.resolve("cgroup.controllers"), "cpuset io pids\n");

        assertThat(Cgroups.detect(sys, "0::/\n").missing()).isEqualTo("the memory cgroup controller is not available in "
                + sys + " and the cpu cgroup controller is not available in " + sys);
    }

    @Test
    void sharesMapOntoV2WeightsAsRuncMapsThem() {
        assertThat(CgroupsV2.weight(2)).isEqualTo(1);
        assertThat(CgroupsV2.weight(1024)).isEqualTo(39);
        assertThat(CgroupsV2.weight(262_144)).isEqualTo(10_000);
        // Below the kernel's minimum and above its maximum, the bounds.
        assertThat(CgroupsV2.weight(0)).isEqualTo(1);
        assertThat(Cgroups.shares(1_000_000)).isEqualTo(262_144);
    }

    /** A mounted v1 hierarchy with the agent's cgroup in it. */
    private Path hierarchy(String controller, String own) throws Exception {
        Files.createDirectories(sys.resolve(controller));
        Files.writeString(sys.resolve(controller).resolve("cgroup.procs"), "");
        Path dir = Files.createDirectories(sys.resolve(controller).resolve(own));
        Files.writeString(dir.resolve("cgroup.procs"), "1\n");
        return dir;
    }
}
