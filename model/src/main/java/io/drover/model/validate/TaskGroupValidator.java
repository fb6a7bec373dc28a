package io.drover.model.validate;

import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.lng;
import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.VolumeMount;
import io.drover.model.VolumeRequest;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Nomad's {@code TaskGroup.Validate}: every problem with one group and its tasks, in Nomad's order and wording. */
final class TaskGroupValidator {
    private TaskGroupValidator() {
    }

    static List<String> validate(TaskGroup tg, Job j) {
        Errs errs = new Errs();
        String type = str(j.type);
        String name = str(tg.name);
        if (name.isEmpty()) {
            errs.add("Missing task group name");
        }
        if (num(tg.count) < 0) {
            errs.add("Task group count can't be negative");
        }
        if (tg.tasks == null || tg.tasks.isEmpty()) {
            errs.add("Missing tasks for task group");
        }
        PlacementRules.constraints(errs, tg.constraints);
        PlacementRules.affinities(errs, tg.affinities, type);
        if (tg.restartPolicy != null) {
            errs.nest(SchedulingPolicyRules.restart(tg.restartPolicy));
        } else {
            errs.add("Task Group " + name + " should have a restart policy");
        }
        PlacementRules.spreads(errs, tg.spreads, type);
        if (Job.TYPE_SYSTEM.equals(type)) {
            if (tg.reschedulePolicy != null) {
                errs.add("System jobs should not have a reschedule policy");
            }
        } else if (tg.reschedulePolicy != null) {
            errs.nest(SchedulingPolicyRules.reschedule(tg.reschedulePolicy));
        } else {
            errs.add("Task Group " + name + " should have a reschedule policy");
        }
        if (tg.ephemeralDisk != null) {
            String err = TaskPartRules.ephemeralDisk(tg.ephemeralDisk);
            if (err != null) {
                errs.add(err);
            }
        } else {
            errs.add("Task Group " + name + " should have an ephemeral disk object");
        }
        if (tg.update != null) {
            if (!Job.TYPE_SERVICE.equals(type) && !Job.TYPE_SYSTEM.equals(type)) {
                errs.add("Job type " + GoFmt.quote(type) + " does not allow update block");
            }
            errs.nest(SchedulingPolicyRules.update(tg.update));
        }
        if (Job.TYPE_SERVICE.equals(type)) {
            if (tg.migrate != null) {
                errs.nest(SchedulingPolicyRules.migrate(tg.migrate));
            }
        } else if (tg.migrate != null) {
            errs.add("Job type " + GoFmt.quote(type) + " does not allow migrate block");
        }

        Map<String, Integer> taskNames = new HashMap<>();
        int leaders = 0;
        List<Task> tasks = GoZero.list(tg.tasks);
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            String taskName = str(task.name);
            if (taskName.isEmpty()) {
                errs.add("Task " + (i + 1) + " missing name");
            } else if (taskNames.containsKey(taskName)) {
                errs.add("Task " + (i + 1) + " redefines '" + taskName + "' from task " + (taskNames.get(taskName) + 1));
            } else {
                taskNames.put(taskName, i);
            }
            if (bool(task.leader)) {
                leaders++;
            }
        }
        if (leaders > 1) {
            errs.add("Only one task may be marked as leader");
        }

        // Go ranges over this map in random order; sorted names keep our messages stable.
        Map<String, VolumeRequest> volumes = tg.volumes == null ? Map.of() : new TreeMap<>(tg.volumes);
        for (Map.Entry<String, VolumeRequest> e : volumes.entrySet()) {
            VolumeRequest decl = e.getValue();
            String volType = str(decl.type);
            if (!volType.equals(VolumeRequest.TYPE_HOST) && !volType.equals(VolumeRequest.TYPE_CSI)) {
                errs.add("Volume " + e.getKey() + " has unrecognised type " + volType);
                continue;
            }
            if (str(decl.source).isEmpty()) {
                errs.add("Volume " + e.getKey() + " has an empty source");
            }
        }

        errs.wrap("Task group network validation failed: ", networks(tg));
        errs.wrap("Task group service validation failed: ", services(tg));
        errs.wrap("Task group scaling policy validation failed: ", scaling(tg));

        for (Task task : tasks) {
            List<VolumeMount> mounts = GoZero.list(task.volumeMounts);
            for (int i = 0; i < mounts.size(); i++) {
                String volume = str(mounts.get(i).volume);
                if (volume.isEmpty()) {
                    errs.add("Task " + str(task.name) + " has a volume mount (" + i + ") referencing an empty volume");
                } else if (tg.volumes == null || !tg.volumes.containsKey(volume)) {
                    errs.add("Task " + str(task.name) + " has a volume mount (" + i + ") referencing undefined volume " + volume);
                }
            }
            errs.wrap("Task " + str(task.name) + " validation failed: ",
                    TaskValidator.validate(task, tg.ephemeralDisk, type, tg.services));
        }
        return errs.list();
    }

    /** Nomad's validateNetworks: port labels, static ports and mapped ports must not clash. */
    private static List<String> networks(TaskGroup tg) {
        Errs errs = new Errs();
        Map<String, String> labels = new HashMap<>();
        Map<Integer, String> staticPorts = new HashMap<>();
        Map<Integer, String> mappedPorts = new HashMap<>();
        for (NetworkResource net : GoZero.list(tg.networks)) {
            for (Port port : ports(net)) {
                String label = str(port.label);
                int value = num(port.value);
                int to = num(port.to);
                if (labels.containsKey(label)) {
                    errs.add("Port label " + label + " already in use by " + labels.get(label));
                } else {
                    labels.put(label, "taskgroup network");
                }
                if (value != 0) {
                    if (staticPorts.containsKey(value)) {
                        errs.add("Static port " + value + " already reserved by " + staticPorts.get(value));
                    } else {
                        staticPorts.put(value, "taskgroup network:" + label);
                    }
                }
                if (to > 0) {
                    if (mappedPorts.containsKey(to)) {
                        errs.add("Port mapped to " + to + " already in use by " + mappedPorts.get(to));
                    } else {
                        mappedPorts.put(to, "taskgroup network:" + label);
                    }
                } else if (to < -1) {
                    errs.add("Port " + GoFmt.quote(label) + " cannot be mapped to negative value " + to);
                }
            }
        }
        for (Task task : GoZero.list(tg.tasks)) {
            if (task.resources == null) {
                continue;
            }
            for (NetworkResource net : GoZero.list(task.resources.networks)) {
                for (Port port : ports(net)) {
                    String label = str(port.label);
                    int value = num(port.value);
                    int to = num(port.to);
                    if (labels.containsKey(label)) {
                        errs.add("Port label " + label + " already in use by " + labels.get(label));
                    }
                    if (value != 0) {
                        if (staticPorts.containsKey(value)) {
                            errs.add("Static port " + value + " already reserved by " + staticPorts.get(value));
                        } else {
                            staticPorts.put(value, str(task.name) + ":" + label);
                        }
                    }
                    if (to != 0) {
                        if (mappedPorts.containsKey(to)) {
                            errs.add("Port mapped to " + to + " already in use by " + mappedPorts.get(to));
                        } else {
                            mappedPorts.put(to, "taskgroup network:" + label);
                        }
                    }
                }
            }
        }
        return errs.list();
    }

    /** Reserved ports then dynamic ports, as Nomad appends them. */
    private static List<Port> ports(NetworkResource net) {
        List<Port> all = new ArrayList<>(GoZero.list(net.reservedPorts));
        all.addAll(GoZero.list(net.dynamicPorts));
        return all;
    }

    /** Nomad's TaskGroup.validateServices: group services, and their clashes with task services. */
    private static List<String> services(TaskGroup tg) {
        Errs errs = new Errs();
        Set<String> knownTasks = new HashSet<>();
        Set<String> knownServices = new HashSet<>();
        for (Task task : GoZero.list(tg.tasks)) {
            knownTasks.add(str(task.name));
            for (Service service : GoZero.list(task.services)) {
                if (knownServices.contains(str(service.name) + str(service.portLabel))) {
                    errs.add("Service " + str(service.name) + " is duplicate");
                }
                for (ServiceCheck check : GoZero.list(service.checks)) {
                    if (!str(check.taskName).isEmpty()) {
                        errs.add("Check " + str(check.name)
                                + " is invalid: only task group service checks can be assigned tasks");
                    }
                }
                knownServices.add(str(service.name) + str(service.portLabel));
            }
        }
        List<Service> services = GoZero.list(tg.services);
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            List<String> serviceErrs = ServiceRules.service(service);
            if (!serviceErrs.isEmpty()) {
                errs.add("Service[" + i + "] " + str(service.name) + " validation failed: " + MultiError.format(serviceErrs));
                continue;
            }
            if (!knownServices.add(str(service.name) + str(service.portLabel))) {
                errs.add("Service " + str(service.name) + " is duplicate");
            }
            for (ServiceCheck check : GoZero.list(service.checks)) {
                String taskName = str(check.taskName);
                if (taskName.isEmpty()) {
                    continue;
                }
                if (!ServiceCheck.TYPE_SCRIPT.equals(check.type) && !ServiceCheck.TYPE_GRPC.equals(check.type)) {
                    errs.add("Check " + str(check.name) + " invalid: only script and gRPC checks should have tasks");
                }
                if (!knownTasks.contains(taskName)) {
                    errs.add("Check " + str(check.name) + " invalid: refers to non-existent task " + taskName);
                }
            }
        }
        return errs.list();
    }

    /** Nomad's validateScalingPolicy: Min <= Count <= Max. */
    private static List<String> scaling(TaskGroup tg) {
        if (tg.scaling == null) {
            return List.of();
        }
        Errs errs = new Errs();
        long min = lng(tg.scaling.min);
        long max = lng(tg.scaling.max);
        long count = num(tg.count);
        if (min > max) {
            errs.add("Scaling policy invalid: maximum count must not be less than minimum count");
        }
        if (count < min) {
            errs.add("Scaling policy invalid: task group count must not be less than minimum count in scaling policy");
        }
        if (max < count) {
            errs.add("Scaling policy invalid: task group count must not be greater than maximum count in scaling policy");
        }
        return errs.list();
    }
}
