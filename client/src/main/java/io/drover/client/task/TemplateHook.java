package io.drover.client.task;

import io.drover.client.template.GoTemplate;
import io.drover.client.template.TemplateException;
import io.drover.model.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Nomad's {@code template} prestart hook without Consul or Vault: each of the task's templates
 * ({@code EmbeddedTmpl}, or the file at {@code SourcePath} in the task directory) is rendered
 * by {@link GoTemplate} with the task's environment and written to {@code DestPath} with its
 * {@code Perms}; then the files of templates with {@code Envvars} are read as {@code KEY=value}
 * lines into the task's environment. Paths are relative to the task directory, interpolated
 * with {@code ${…}}, and may not leave it.
 *
 * <p>Failures follow Nomad's split: a template that cannot be set up (bad perms, a source file
 * that cannot be read, a path outside the task directory, an absolute source path, which Nomad
 * allows only when the client permits reading host files) fails the hook; one that does not
 * render, cannot be written, or whose environment file does not parse kills the task with
 * Nomad's "Template failed" messages. All templates are checked and rendered before any file
 * is written.
 */
public final class TemplateHook {
    /** The hook's name in Nomad, which prefixes its failures in the Task hook failed event. */
    public static final String NAME = "template";
    /** consul-template's mode for a rendered file when the template gives none. */
    static final int DEFAULT_PERMS = 0644;

    private final List<Template> templates;
    private final Path taskDir;
    private final TaskEnv env;

    /** @param templates the task's {@code Templates}; null if none */
    public TemplateHook(List<Template> templates, Path taskDir, TaskEnv env) {
        this.templates = templates == null ? List.of() : List.copyOf(templates);
        this.taskDir = Objects.requireNonNull(taskDir, "taskDir");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** A template ready to render: its text, where that came from (for errors), where it goes and its mode. */
    private record Prepared(Template template, String text, String source, Path dest, int perms) {
    }

    /** Renders and writes every template, then adds the Envvars templates' variables to the task's environment. */
    public void prestart() throws TaskHookException {
        if (templates.isEmpty()) {
            return;
        }
        List<Prepared> prepared = new ArrayList<>();
        for (Template t : templates) {
            prepared.add(prepare(t));
        }
        List<String> rendered = new ArrayList<>();
        for (Prepared p : prepared) {
            rendered.add(render(p));
        }
        for (int i = 0; i < prepared.size(); i++) {
            write(prepared.get(i), rendered.get(i));
        }
        loadEnv();
    }

    /**
     * Reads the Envvars templates' files, already rendered, into the task's environment: for a
     * task re-attached after the agent restarted, whose later restarts need those variables.
     */
    public void loadEnv() throws TaskHookException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (Template t : templates) {
            if (!Boolean.TRUE.equals(t.envvars)) {
                continue;
            }
            Path dest;
            String text;
            try {
                dest = destination(t);
                text = Files.readString(dest, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw TaskHookException.killed("Template failed to read environment variables: error opening env template: "
                        + e.getMessage());
            }
            try {
                vars.putAll(EnvFile.parse(text));
            } catch (IllegalArgumentException e) {
                throw TaskHookException.killed("Template failed to read environment variables: error parsing env template \""
                        + dest + "\": " + e.getMessage());
            }
        }
        env.setTemplateEnv(vars);
    }

    private Prepared prepare(Template t) throws TaskHookException {
        boolean embedded = t.embeddedTmpl != null && !t.embeddedTmpl.isEmpty();
        boolean fromFile = t.sourcePath != null && !t.sourcePath.isEmpty();
        try {
            if (embedded && fromFile) {
                throw new IOException("template: cannot specify both 'source' and 'contents'");
            }
            if (!embedded && !fromFile) {
                throw new IOException("template: must specify exactly one of 'source' or 'contents'");
            }
            int perms = perms(t.perms);
            Path dest = destination(t);
            if (embedded) {
                return new Prepared(t, t.embeddedTmpl, "(dynamic)", dest, perms);
            }
            if (t.sourcePath.startsWith("/")) {
                // Nomad reads host files here unless the client forbids it; this agent always does.
                throw new IOException("Specifying absolute template paths disallowed by client config: \""
                        + t.sourcePath + "\"");
            }
            Path src = TaskDirPaths.join(taskDir, taskDir, env.interpolate(t.sourcePath), "template source");
            String text;
            try {
                text = Files.readString(src, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IOException("failed to read template: open " + src + ": no such file or directory", e);
            } catch (IOException e) {
                throw new IOException("failed to read template: " + e.getMessage(), e);
            }
            return new Prepared(t, text, src.toString(), dest, perms);
        } catch (IOException e) {
            throw TaskHookException.hookFailed(NAME, e.getMessage());
        }
    }

    private Path destination(Template t) throws IOException {
        if (t.destPath == null || t.destPath.isEmpty()) {
            throw new IOException("template has no destination");
        }
        return TaskDirPaths.join(taskDir, taskDir, env.interpolate(t.destPath), "template destination");
    }

    /** Go's {@code strconv.ParseUint(perms, 8, 12)}: an octal mode of at most 12 bits. */
    private static int perms(String perms) throws IOException {
        if (perms == null || perms.isEmpty()) {
            return DEFAULT_PERMS;
        }
        try {
            int v = Integer.parseInt(perms, 8);
            if (v >= 0 && v <= 07777 && !perms.startsWith("+") && !perms.startsWith("-")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, as Go words it
        }
        throw new IOException("Failed to parse \"" + perms + "\" as octal: strconv.ParseUint: parsing \"" + perms
                + "\": invalid syntax");
    }

    private String render(Prepared p) throws TaskHookException {
        GoTemplate parsed;
        try {
            parsed = GoTemplate.parse(p.text(), p.template().leftDelim, p.template().rightDelim);
        } catch (TemplateException e) {
            throw TaskHookException.killed("Template failed: " + p.source() + ": parse: " + e.getMessage());
        }
        try {
            return parsed.execute(env::lookup);
        } catch (TemplateException e) {
            throw TaskHookException.killed("Template failed: " + p.source() + ": execute: " + e.getMessage());
        }
    }

    /** Writes atomically (a temporary file renamed over the destination) so the task never reads half a file. */
    private static void write(Prepared p, String contents) throws TaskHookException {
        Path dest = p.dest();
        try {
            Files.createDirectories(dest.getParent());
            Path tmp = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, contents, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(tmp, ArchiveUnpacker.permissions(p.perms()));
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw TaskHookException.killed("Template failed: error rendering \"" + p.source() + "\" => \"" + dest
                    + "\": failed writing file: " + e.getMessage());
        }
    }
}
