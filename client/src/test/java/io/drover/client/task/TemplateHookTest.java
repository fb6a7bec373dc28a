package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Template;
import io.drover.model.alloc.TaskEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateHookTest {
    @TempDir
    Path root;

    private TaskFileFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new TaskFileFixture(root);
    }

    private static Template embedded(String text, String dest) {
        Template t = new Template();
        t.embeddedTmpl = text;
        t.destPath = dest;
        return t;
    }

    private void prestart(Template... templates) throws TaskHookException {
        new TemplateHook(List.of(templates), f.taskDir(), f.env).prestart();
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void rendersIntoTheTaskDirectoryWithDefaultPerms() throws Exception {
        prestart(embedded("task={{ env \"NOMAD_TASK_NAME\" }} owner={{ env \"NOMAD_META_owner\" }}"
                + " kernel={{ env \"attr.kernel.name\" }}\n", "local/app.conf"));

        Path out = f.taskDir().resolve("local/app.conf");
        assertThat(Files.readString(out)).isEqualTo("task=web owner=ops kernel=linux\n");
        assertThat(perms(out)).isEqualTo("rw-r--r--");
    }

    @Test
    void honoursPermsDelimitersAndInterpolatedDestinations() throws Exception {
        Template t = embedded("{\"name\": \"<< env \"NOMAD_TASK_NAME\" | toUpper >>\", \"go\": \"{{ x }}\"}",
                "secrets/${NOMAD_META_owner}/nested/app.json");
        t.leftDelim = "<<";
        t.rightDelim = ">>";
        t.perms = "0600";

        prestart(t);

        Path out = f.taskDir().resolve("secrets/ops/nested/app.json");
        assertThat(Files.readString(out)).isEqualTo("{\"name\": \"WEB\", \"go\": \"{{ x }}\"}");
        assertThat(perms(out)).isEqualTo("rw-------");
    }

    @Test
    void rendersASourceFileFromTheTaskDirectory() throws Exception {
        Files.writeString(f.taskDir().resolve("local/in.tpl"), "from file: {{ env \"NOMAD_GROUP_NAME\" }}");
        Template t = new Template();
        t.sourcePath = "local/in.tpl";
        t.destPath = "local/out.txt";

        prestart(t);

        assertThat(Files.readString(f.taskDir().resolve("local/out.txt"))).isEqualTo("from file: g");
    }

    @Test
    void envvarsTemplatesAddToTheTaskEnvironment() throws Exception {
        Template t = embedded("DB_HOST=db.{{ env \"NOMAD_META_owner\" }}\nNOMAD_META_owner=overridden\n", "secrets/file.env");
        t.envvars = true;

        prestart(t);

        assertThat(f.env.vars()).containsEntry("DB_HOST", "db.ops").containsEntry("NOMAD_META_owner", "overridden")
                .containsEntry("NOMAD_TASK_NAME", "web");
    }

    @Test
    void loadEnvReadsBackWhatAnEarlierRenderWrote() throws Exception {
        Template t = embedded("DB_HOST=db.{{ env \"NOMAD_META_owner\" }}\n", "secrets/file.env");
        t.envvars = true;
        prestart(t);
        TaskEnv afterAgentRestart = new TaskFileFixture(root).env;
        assertThat(afterAgentRestart.vars()).doesNotContainKey("DB_HOST");

        new TemplateHook(List.of(t), f.taskDir(), afterAgentRestart).loadEnv();

        assertThat(afterAgentRestart.vars()).containsEntry("DB_HOST", "db.ops");
    }

    @Test
    void aTemplateThatDoesNotRenderKillsTheTaskAndWritesNothing() {
        Template good = embedded("fine", "local/good.txt");
        Template bad = embedded("line one\n{{ env \"A\" | nope }}", "local/bad.txt");

        assertThatThrownBy(() -> prestart(good, bad)).isInstanceOfSatisfying(TaskHookException.class, e -> {
            assertThat(e.killsTask()).isTrue();
            TaskEvent ev = e.event(5);
            assertThat(ev.type).isEqualTo(TaskEvent.KILLING);
            assertThat(ev.failsTask).isTrue();
            assertThat(ev.displayMessage)
                    .isEqualTo("Template failed: (dynamic): parse: template: :2: function \"nope\" not defined");
        });
        assertThat(f.taskDir().resolve("local/good.txt")).doesNotExist();
    }

    @Test
    void consulFunctionsFailTheRender() {
        assertThatThrownBy(() -> prestart(embedded("{{ key \"app/port\" }}", "local/x")))
                .hasMessage("Template failed: (dynamic): execute: template: :1:3: executing \"\" at <key \"app/port\">:"
                        + " error calling key: function \"key\" needs Consul or Vault, which this node agent does not provide");
    }

    @Test
    void pathsLeavingTheTaskDirectoryFailTheHook() {
        assertThatThrownBy(() -> prestart(embedded("x", "../../escape.txt")))
                .isInstanceOfSatisfying(TaskHookException.class, e -> {
                    assertThat(e.killsTask()).isFalse();
                    TaskEvent ev = e.event(5);
                    assertThat(ev.type).isEqualTo(TaskEvent.HOOK_FAILED);
                    assertThat(ev.message).isEqualTo("template: template destination \"../../escape.txt\" escapes the task directory");
                });
        Template src = new Template();
        src.sourcePath = "local/../../../etc/passwd";
        src.destPath = "local/x";
        assertThatThrownBy(() -> prestart(src)).hasMessageContaining("template source").hasMessageContaining("escapes");
        assertThat(root.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void setupErrorsFailTheHookAsNomadWordsThem() {
        Template perms = embedded("x", "local/x");
        perms.perms = "0999";
        assertThatThrownBy(() -> prestart(perms)).hasMessage(
                "template: Failed to parse \"0999\" as octal: strconv.ParseUint: parsing \"0999\": invalid syntax");
        Template missing = new Template();
        missing.sourcePath = "local/none.tpl";
        missing.destPath = "local/x";
        assertThatThrownBy(() -> prestart(missing)).hasMessage("template: failed to read template: open "
                + f.taskDir().resolve("local/none.tpl") + ": no such file or directory");
        Template absolute = new Template();
        absolute.sourcePath = "/etc/hostname";
        absolute.destPath = "local/x";
        assertThatThrownBy(() -> prestart(absolute)).hasMessage(
                "template: Specifying absolute template paths disallowed by client config: \"/etc/hostname\"");
    }

    @Test
    void anEnvFileThatDoesNotParseKillsTheTask() {
        Template t = embedded("not an env line", "local/file.env");
        t.envvars = true;

        assertThatThrownBy(() -> prestart(t)).isInstanceOfSatisfying(TaskHookException.class, e -> {
            assertThat(e.killsTask()).isTrue();
            assertThat(e.getMessage()).isEqualTo("Template failed to read environment variables: error parsing env template \""
                    + f.taskDir().resolve("local/file.env") + "\": error on line 1: missing =");
        });
    }

    @Test
    void noTemplatesIsNothingToDo() throws Exception {
        new TemplateHook(null, f.taskDir(), f.env).prestart();

        try (var files = Files.list(f.taskDir().resolve("local"))) {
            assertThat(files).isEmpty();
        }
    }
}
