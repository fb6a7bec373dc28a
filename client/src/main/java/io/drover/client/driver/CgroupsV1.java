package io.drover.client.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cgroup v1: the task's cgroup is a directory in the memory hierarchy
 * ({@code memory.limit_in_bytes}, and {@code memory.memsw.limit_in_bytes} too where swap is
 * accounted, so the limit cannot be dodged by swapping) and one in the cpu hierarchy
 * ({@code cpu.shares}).
 */
final class CgroupsV1 implements Cgroups {
    private final Path mountRoot;
    private final Path memory;
    private final Path cpu;

    /**
     * @param mountRoot where the hierarchies are mounted, one directory per controller
     * @param ownMemory the agent's cgroup in the memory hierarchy, relative to its root
     * @param ownCpu the same in the cpu hierarchy
     */
    CgroupsV1(Path mountRoot, String ownMemory, String ownCpu) {
        this.mountRoot = mountRoot;
        this.memory = mountRoot.resolve("memory").resolve(ownMemory).resolve(PARENT);
        this.cpu = mountRoot.resolve("cpu").resolve(ownCpu).resolve(PARENT);
    }

    @Override
    public String missing() {
        List<String> missing = new ArrayList<>();
        problem("memory", mountRoot.resolve("memory"), memory.getParent()).ifPresent(missing::add);
        problem("cpu", mountRoot.resolve("cpu"), cpu.getParent()).ifPresent(missing::add);
        return String.join(" and ", missing);
    }

    /** Whether the agent's own cgroup in a hierarchy is there to hold the tasks' and can be written. */
    private static Optional<String> problem(String controller, Path hierarchy, Path own) {
        if (!Files.exists(hierarchy.resolve("cgroup.procs"))) {
            return Optional.of("the " + controller + " cgroup controller is not mounted at " + hierarchy);
        }
        if (!Files.isDirectory(own)) {
            return Optional.of("the agent's " + controller + " cgroup " + own + " is missing");
        }
        if (!Files.isWritable(own)) {
            return Optional.of("the " + controller + " cgroup " + own + " is not writable");
        }
        return Optional.empty();
    }

    @Override
    public TaskCgroup create(String name, long memoryBytes, long cpuShares) throws IOException {
        Path mem = mkdir(memory.resolve(name));
        Path c = mkdir(cpu.resolve(name));
        TaskCgroup cgroup = new TaskCgroup(List.of(mem, c), mem.resolve("memory.oom_control"));
        try {
            if (memoryBytes > 0) {
                Files.writeString(mem.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                Path memsw = mem.resolve("memory.memsw.limit_in_bytes");
                if (Files.exists(memsw)) {
                    Files.writeString(memsw, Long.toString(memoryBytes));
                }
            }
            Files.writeString(c.resolve("cpu.shares"), Long.toString(Cgroups.shares(cpuShares)));
        } catch (IOException e) {
            cgroup.remove();
            throw e;
        }
        return cgroup;
    }

    @Override
    public Optional<TaskCgroup> of(String procCgroup) {
        Optional<Path> mem = Cgroups.taskDir(mountRoot.resolve("memory"), Cgroups.ownPath(procCgroup, "memory"), memory);
        Optional<Path> c = Cgroups.taskDir(mountRoot.resolve("cpu"), Cgroups.ownPath(procCgroup, "cpu"), cpu);
        if (mem.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TaskCgroup(List.of(mem.get(), c.get()), mem.get().resolve("memory.oom_control")));
    }

    /**
     * Creates the directory and its parent; the parent is removed with its last task's cgroup,
     * so another task ending at the same moment may take it away once in between.
     */
    static Path mkdir(Path dir) throws IOException {
        try {
            return Files.createDirectories(dir);
        } catch (NoSuchFileException e) {
            return Files.createDirectories(dir);
        }
    }
}
