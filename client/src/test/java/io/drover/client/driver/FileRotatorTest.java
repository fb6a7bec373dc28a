package io.drover.client.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.LogConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's output lands in size-capped files, the oldest deleted past MaxFiles, as Nomad's logmon. */
class FileRotatorTest {
    @TempDir
    Path dir;

    @Test
    void outputIsSplitIntoFilesOfAtMostTheMaximumSize() throws IOException {
        try (FileRotator r = new FileRotator(dir, "web.stdout", 10, 4)) {
            write(r, "abcdefghij");
        }

        assertThat(files()).containsExactly("web.stdout.0", "web.stdout.1", "web.stdout.2");
        assertThat(read("web.stdout.0")).isEqualTo("abcd");
        assertThat(read("web.stdout.1")).isEqualTo("efgh");
        assertThat(read("web.stdout.2")).isEqualTo("ij");
    }

    @Test
    void onlyTheNewestMaxFilesAreKept() throws IOException {
        try (FileRotator r = new FileRotator(dir, "web.stdout", 2, 3)) {
            for (int i = 0; i < 5; i++) {
                write(r, "xy" + i);
            }
        }

        assertThat(files()).containsExactly("web.stdout.3", "web.stdout.4");
        assertThat(read("web.stdout.4")).isEqualTo("xy4");
    }

    @Test
    void aNewRotatorAppendsToTheNewestFileLeftBehind() throws IOException {
        try (FileRotator r = new FileRotator(dir, "web.stdout", 3, 4)) {
            write(r, "abcdef");
        }
        try (FileRotator r = new FileRotator(dir, "web.stdout", 3, 4)) {
            assertThat(r.current()).isEqualTo(dir.resolve("web.stdout.1"));
            write(r, "ghij");
        }

        assertThat(read("web.stdout.1")).isEqualTo("efgh");
        assertThat(read("web.stdout.2")).isEqualTo("ij");
    }

    @Test
    void streamsOfOtherTasksAreLeftAlone() throws IOException {
        Files.writeString(dir.resolve("web.stderr.0"), "keep");
        Files.writeString(dir.resolve("web.stdout.old"), "keep");
        try (FileRotator r = new FileRotator(dir, "web.stdout", 1, 2)) {
            write(r, "aabbcc");
        }

        assertThat(files()).containsExactly("web.stderr.0", "web.stdout.2", "web.stdout.old");
    }

    @Test
    void aPumpCopiesAProcessStreamIntoTheTasksLogsPerItsLogConfig() throws Exception {
        LogConfig config = new LogConfig();
        config.maxFiles = 2;
        config.maxFileSizeMb = 1;
        TaskLogs logs = TaskLogs.of(dir, "web", config);
        byte[] output = new byte[(int) (2.5 * 1024 * 1024)];

        LogPump.start(new ByteArrayInputStream(output), logs.stdout(), "test-pump").drained().get();

        assertThat(files()).containsExactly("web.stdout.1", "web.stdout.2");
        assertThat(Files.size(dir.resolve("web.stdout.1"))).isEqualTo(1024 * 1024);
        assertThat(Files.size(dir.resolve("web.stdout.2"))).isEqualTo(512 * 1024);
    }

    @Test
    void aTaskWithoutLogConfigGetsNomadsDefaults() {
        TaskLogs logs = TaskLogs.of(dir, "web", null);

        assertThat(logs.maxFiles()).isEqualTo(10);
        assertThat(logs.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
    }

    private static void write(FileRotator r, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        r.write(b, 0, b.length);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
