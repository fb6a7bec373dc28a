package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.NetworkResource;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.json.GoZero;
import io.drover.model.json.ModelMerge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an allocation was given (Nomad's {@code structs.AllocatedResources}): per-task CPU,
 * memory, networks and devices, the tasks' lifecycles, and what the group shares.
 */
public final class AllocatedResources {
    @JsonProperty("Tasks") public Map<String, AllocatedTaskResources> tasks;
    @JsonProperty("TaskLifecycles") public Map<String, TaskLifecycleConfig> taskLifecycles;
    @JsonProperty("Shared") public AllocatedSharedResources shared = new AllocatedSharedResources();

    /** A deep copy. */
    public AllocatedResources copy() {
        AllocatedResources c = new AllocatedResources();
        c.shared = shared.copy();
        if (tasks != null) {
            c.tasks = new LinkedHashMap<>();
            tasks.forEach((name, r) -> c.tasks.put(name, r == null ? null : r.copy()));
        }
        if (taskLifecycles != null) {
            c.taskLifecycles = new LinkedHashMap<>();
            taskLifecycles.forEach((name, lc) -> c.taskLifecycles.put(name, lc == null ? null : ModelMerge.copy(lc)));
        }
        return c;
    }

    /**
     * Nomad's Comparable: the allocation's footprint as one flat sum. Prestart tasks run before
     * the main tasks, so the footprint is the prestart sidecars plus the larger of the other
     * prestart tasks and the main tasks (CPU and memory; networks and devices are summed). Tasks
     * with any other hook are left out, as Nomad 0.11 leaves them out. Group networks are added
     * to the flattened networks; the shared part keeps the disk and the group networks.
     */
    public ComparableResources comparable() {
        ComparableResources c = new ComparableResources();
        c.shared = new AllocatedSharedResources(GoZero.lng(shared.diskMb));
        c.shared.networks = shared.networks;

        AllocatedTaskResources prestartSidecars = new AllocatedTaskResources();
        AllocatedTaskResources prestartEphemeral = new AllocatedTaskResources();
        AllocatedTaskResources main = new AllocatedTaskResources();
        if (tasks != null) {
            for (Map.Entry<String, AllocatedTaskResources> e : tasks.entrySet()) {
                TaskLifecycleConfig lc = taskLifecycles == null ? null : taskLifecycles.get(e.getKey());
                if (lc == null) {
                    main.add(e.getValue());
                } else if (TaskLifecycleConfig.HOOK_PRESTART.equals(lc.hook)) {
                    if (GoZero.bool(lc.sidecar)) {
                        prestartSidecars.add(e.getValue());
                    } else {
                        prestartEphemeral.add(e.getValue());
                    }
                }
            }
        }
        prestartEphemeral.max(main);
        prestartSidecars.add(prestartEphemeral);
        c.flattened.add(prestartSidecars);

        for (NetworkResource n : GoZero.list(shared.networks)) {
            AllocatedTaskResources groupNet = new AllocatedTaskResources();
            groupNet.networks = List.of(n);
            c.flattened.add(groupNet);
        }
        return c;
    }
}
