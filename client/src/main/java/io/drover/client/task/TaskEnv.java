package io.drover.client.task;

import io.drover.client.driver.FSIsolation;
import io.drover.model.Job;
import io.drover.model.Resources;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's environment as Nomad's {@code taskenv} builds it: the {@code NOMAD_*} variables
 * (alloc, job, group and task names, the alloc's directories, CPU and memory limits, region,
 * datacenter, namespace), the
 * allocation's ports ({@link PortEnv}), the
 * combined job, group and task meta as {@code NOMAD_META_<key>} (as written and upper-cased),
 * and last the task's {@code Env}, whose values may refer to any of these and to the node
 * ({@code ${NOMAD_ALLOC_ID}}, {@code ${node.unique.id}}, {@code ${attr.kernel.name}},
 * {@code ${meta.rack}}). References to nothing known are left as written, as Nomad does.
 * Variables rendered by templates with {@code Envvars} are added once the templates are
 * rendered ({@link #setTemplateEnv}) and take precedence.
 *
 * <p>The directories are named as the task sees them: host paths for a driver without file
 * system isolation, {@code /alloc}, {@code /local} and {@code /secrets} for a task chrooted
 * into its task directory ({@link FSIsolation#CHROOT}).
 */
public final class TaskEnv {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern NOT_ENV_SAFE = Pattern.compile("[^A-Za-z0-9_]");

    private final Map<String, String> vars;
    private final Map<String, String> nodeVars;
    private Map<String, String> templateVars = Map.of();

    private TaskEnv(Map<String, String> vars, Map<String, String> nodeVars) {
        this.vars = vars;
        this.nodeVars = nodeVars;
    }

    /** For a driver without file system isolation. */
    public static TaskEnv of(Allocation alloc, Task task, AllocDir dir, Node node, String region) {
        return of(alloc, task, dir, node, region, FSIsolation.NONE);
    }

    /** @param isolation what the task's driver lets it see of the file system */
    public static TaskEnv of(Allocation alloc, Task task, AllocDir dir, Node node, String region,
            FSIsolation isolation) {
        Map<String, String> v = new LinkedHashMap<>();
        Job job = alloc.job;
        TaskGroup group = alloc.lookupTaskGroup();
        if (isolation == FSIsolation.CHROOT) {
            v.put("NOMAD_ALLOC_DIR", "/alloc");
            v.put("NOMAD_TASK_DIR", "/local");
            v.put("NOMAD_SECRETS_DIR", "/secrets");
        } else {
            v.put("NOMAD_ALLOC_DIR", dir.sharedDir().toString());
            v.put("NOMAD_TASK_DIR", dir.localDir(task.name).toString());
            v.put("NOMAD_SECRETS_DIR", dir.secretsDir(task.name).toString());
        }
        Resources r = task.resources;
        if (r != null && r.memoryMb != null) {
            v.put("NOMAD_MEMORY_LIMIT", Long.toString(r.memoryMb));
        }
        if (r != null && r.cpu != null) {
            v.put("NOMAD_CPU_LIMIT", Long.toString(r.cpu));
        }
        v.put("NOMAD_ALLOC_ID", alloc.id);
        v.put("NOMAD_ALLOC_NAME", nz(alloc.name));
        v.put("NOMAD_GROUP_NAME", nz(alloc.taskGroup));
        v.put("NOMAD_ALLOC_INDEX", Integer.toString(allocIndex(alloc.name)));
        v.put("NOMAD_TASK_NAME", task.name);
        v.put("NOMAD_JOB_NAME", job == null ? nz(alloc.jobId) : nz(job.name));
        v.put("NOMAD_DC", node == null ? "" : nz(node.datacenter));
        v.put("NOMAD_NAMESPACE", nz(alloc.namespace));
        v.put("NOMAD_REGION", nz(region));
        v.putAll(PortEnv.of(alloc, task.name));
        Map<String, String> meta = new LinkedHashMap<>();
        if (job != null && job.meta != null) {
            meta.putAll(job.meta);
        }
        if (group != null && group.meta != null) {
            meta.putAll(group.meta);
        }
        if (task.meta != null) {
            meta.putAll(task.meta);
        }
        for (Map.Entry<String, String> m : meta.entrySet()) {
            String key = NOT_ENV_SAFE.matcher(m.getKey()).replaceAll("_");
            v.put("NOMAD_META_" + key.toUpperCase(java.util.Locale.ROOT), m.getValue());
            v.put("NOMAD_META_" + key, m.getValue());
        }
        TaskEnv env = new TaskEnv(v, nodeVars(node, region));
        if (task.env != null) {
            for (Map.Entry<String, String> e : task.env.entrySet()) {
                v.put(e.getKey(), env.interpolate(e.getValue()));
            }
        }
        return env;
    }

    /** The variables, with those rendered by templates ({@link #setTemplateEnv}) over the task's own. */
    public Map<String, String> vars() {
        if (templateVars.isEmpty()) {
            return Map.copyOf(vars);
        }
        Map<String, String> all = new LinkedHashMap<>(vars);
        all.putAll(templateVars);
        return Map.copyOf(all);
    }

    /** Replaces {@code ${…}} references to the task's variables and the node's attributes. */
    public String interpolate(String s) {
        if (s == null || !s.contains("${")) {
            return s;
        }
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = vars.containsKey(name) ? vars.get(name) : nodeVars.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A task variable, else a node attribute ({@code attr.*}, {@code meta.*}, {@code node.*}),
     * else null: what a template's {@code env} function sees, as Nomad hands consul-template
     * both.
     */
    public String lookup(String name) {
        String v = vars.get(name);
        return v != null ? v : nodeVars.get(name);
    }

    /**
     * Adds the variables that templates with {@code Envvars} rendered; they override the task's
     * own, as Nomad's {@code SetTemplateEnv}, and replace any set before (a re-render).
     */
    public void setTemplateEnv(Map<String, String> fromTemplates) {
        templateVars = Map.copyOf(fromTemplates);
    }

    /** The index in an allocation's name, {@code job.group[3]} → 3, as Nomad's Index(). */
    static int allocIndex(String name) {
        if (name == null) {
            return 0;
        }
        int open = name.lastIndexOf('[');
        int close = name.lastIndexOf(']');
        if (open < 0 || close < open) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring(open + 1, close));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> nodeVars(Node node, String region) {
        Map<String, String> n = new LinkedHashMap<>();
        if (node == null) {
            return n;
        }
        n.put("node.unique.id", node.id);
        n.put("node.datacenter", node.datacenter);
        n.put("node.unique.name", node.name);
        n.put("node.class", node.nodeClass);
        n.put("node.region", nz(region));
        if (node.attributes != null) {
            node.attributes.forEach((k, v) -> n.put("attr." + k, v));
        }
        if (node.meta != null) {
            node.meta.forEach((k, v) -> n.put("meta." + k, v));
        }
        return n;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
