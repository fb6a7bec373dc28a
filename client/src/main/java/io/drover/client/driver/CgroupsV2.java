package io.drover.client.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cgroup v2: the task's cgroup is one directory of the unified tree, with {@code memory.max}
 * (and {@code memory.swap.max} = 0, so the limit cannot be dodged by swapping) and
 * {@code cpu.weight} (the v1 shares mapped onto weights as runc maps them). The memory and cpu
 * controllers are enabled for the agent's cgroup's children and for {@code drover}'s; the
 * kernel refuses the first where the agent's own cgroup holds processes and is not the root
 * (v2's no-internal-processes rule), and then tasks fail to start saying so.
 */
final class CgroupsV2 implements Cgroups {
    private static final List<String> CONTROLLERS = List.of("memory", "cpu");

    private final Path mountRoot;
    private final Path own;
    private final Path parent;

    /**
     * @param mountRoot where the unified tree is mounted
     * @param ownPath the agent's cgroup, relative to the tree's root
     */
    CgroupsV2(Path mountRoot, String ownPath) {
        this.mountRoot = mountRoot;
        this.own = mountRoot.resolve(ownPath);
        this.parent = own.resolve(PARENT);
    }

    @Override
    public String missing() {
        List<String> missing = new ArrayList<>();
        String available;
        try {
            available = " " + Files.readString(mountRoot.resolve("cgroup.controllers")).trim() + " ";
        } catch (IOException e) {
            available = "";
        }
        for (String c : CONTROLLERS) {
            if (!available.contains(" " + c + " ")) {
                missing.add("the " + c + " cgroup controller is not available in " + mountRoot);
            }
        }
        if (!Files.isDirectory(own)) {
            missing.add("the agent's cgroup " + own + " is missing");
        } else if (!Files.isWritable(own)) {
            missing.add("the cgroup " + own + " is not writable");
        }
        return String.join(" and ", missing);
    }

    @Override
    public TaskCgroup create(String name, long memoryBytes, long cpuShares) throws IOException {
        Path dir = CgroupsV1.mkdir(parent.resolve(name));
        TaskCgroup cgroup = new TaskCgroup(List.of(dir), dir.resolve("memory.events"));
        try {
            // Children get a controller only where every ancestor hands it down.
            Files.writeString(own.resolve("cgroup.subtree_control"), "+memory +cpu");
            Files.writeString(parent.resolve("cgroup.subtree_control"), "+memory +cpu");
            if (memoryBytes > 0) {
                Files.writeString(dir.resolve("memory.max"), Long.toString(memoryBytes));
                Path swap = dir.resolve("memory.swap.max");
                if (Files.exists(swap)) {
                    Files.writeString(swap, "0");
                }
            }
            Files.writeString(dir.resolve("cpu.weight"), Long.toString(weight(cpuShares)));
        } catch (IOException e) {
            cgroup.remove();
            throw new IOException("cannot set up cgroup " + dir + ": " + e.getMessage(), e);
        }
        return cgroup;
    }

    @Override
    public Optional<TaskCgroup> of(String procCgroup) {
        return Cgroups.taskDir(mountRoot, Cgroups.ownPath(procCgroup, ""), parent)
                .map(dir -> new TaskCgroup(List.of(dir), dir.resolve("memory.events")));
    }

    /** v1 shares [2, 262144] onto v2 weights [1, 10000], linearly, as runc converts them. */
    static long weight(long cpuShares) {
        long shares = Cgroups.shares(cpuShares);
        return 1 + ((shares - 2) * 9999) / 262_142;
    }
}
