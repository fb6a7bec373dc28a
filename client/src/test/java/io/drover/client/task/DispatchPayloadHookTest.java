package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.DispatchPayloadConfig;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.launch.JobPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchPayloadHookTest {
    private static final byte[] PAYLOAD = JobPayload.compress("{\"input\": 42}\n".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path root;

    private DispatchPayloadHook hook(byte[] payload, String file) throws Exception {
        TaskFileFixture f = new TaskFileFixture(root);
        DispatchPayloadConfig config = null;
        if (file != null) {
            config = new DispatchPayloadConfig();
            config.file = file;
        }
        return new DispatchPayloadHook(payload, config, f.taskDir(), f.dir.localDir("web"));
    }

    private Path local() {
        return root.resolve("a1/web/local");
    }

    @Test
    void writesTheDecompressedPayloadUnderLocal() throws Exception {
        hook(PAYLOAD, "input/job.json").prestart();

        Path written = local().resolve("input/job.json");
        assertThat(Files.readString(written)).isEqualTo("{\"input\": 42}\n");
        assertThat(Files.isExecutable(written)).isTrue();
    }

    @Test
    void aLeadingSlashStaysInsideLocalAsGoJoinsPaths() throws Exception {
        hook(PAYLOAD, "/abs.json").prestart();

        assertThat(local().resolve("abs.json")).hasContent("{\"input\": 42}");
    }

    @Test
    void nothingIsWrittenWithoutAPayloadOrAFile() throws Exception {
        hook(null, "job.json").prestart();
        hook(new byte[0], "job.json").prestart();
        hook(PAYLOAD, null).prestart();
        hook(PAYLOAD, "").prestart();

        try (var files = Files.list(local())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFileOutsideTheTaskDirectoryFailsTheHook() {
        assertThatThrownBy(() -> hook(PAYLOAD, "../../../payload").prestart())
                .isInstanceOfSatisfying(TaskHookException.class, e -> {
                    assertThat(e.killsTask()).isFalse();
                    TaskEvent ev = e.event(1);
                    assertThat(ev.type).isEqualTo(TaskEvent.HOOK_FAILED);
                    assertThat(ev.message).isEqualTo(
                            "dispatch_payload: dispatch payload file \"../../../payload\" escapes the task directory");
                });
        assertThat(root.resolve("payload")).doesNotExist();
    }

    @Test
    void aPayloadThatIsNotSnappyFailsTheHook() {
        assertThatThrownBy(() -> hook("raw".getBytes(StandardCharsets.UTF_8), "job.json").prestart())
                .hasMessage("dispatch_payload: snappy: corrupt input");
    }
}
