package io.drover.client.task;

import io.drover.model.Task;
import io.drover.model.alloc.Allocation;
import java.util.Objects;

/**
 * The prestart hooks that write into a task's directory before its driver starts it, in
 * Nomad's order: the dispatch payload ({@link DispatchPayloadHook}), then the templates
 * ({@link TemplateHook}). They need nothing from the network, so they run at once on the
 * node's state thread.
 */
public final class TaskFileHooks {
    private final DispatchPayloadHook payload;
    private final TemplateHook templates;

    public TaskFileHooks(DispatchPayloadHook payload, TemplateHook templates) {
        this.payload = Objects.requireNonNull(payload, "payload");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** The hooks for {@code task} of {@code alloc}, whose job carries the dispatch payload. */
    public static TaskFileHooks of(Allocation alloc, Task task, AllocDir dir, TaskEnv env) {
        byte[] jobPayload = alloc.job == null ? null : alloc.job.payload;
        return new TaskFileHooks(
                new DispatchPayloadHook(jobPayload, task.dispatchPayload, dir.taskDir(task.name), dir.localDir(task.name)),
                new TemplateHook(task.templates, dir.taskDir(task.name), env));
    }

    /** Writes the payload file and renders the templates. */
    public void prestart() throws TaskHookException {
        payload.prestart();
        templates.prestart();
    }

    /** For a task re-attached after an agent restart: the templates' variables back in its environment. */
    public void restoreEnv() throws TaskHookException {
        templates.loadEnv();
    }
}
