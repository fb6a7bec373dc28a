package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.client.TestAllocs;
import io.drover.model.Task;
import io.drover.model.TaskArtifact;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts fetched from a local http server into a task directory, as go-getter would place them. */
class ArtifactFetcherTest {
    @TempDir
    Path data;

    private ArtifactServer server;
    private final ArtifactFetcher fetcher = ArtifactFetcher.create();
    private AllocDir dir;
    private TaskEnv env;

    @BeforeEach
    void setUp() throws IOException {
        server = new ArtifactServer();
        dir = new AllocDir(data, "a1");
        dir.build();
        dir.buildTask("t");
        Task task = new Task();
        task.name = "t";
        task.meta = Map.of("file", "hello.txt");
        Allocation alloc = new Allocation();
        alloc.id = "a1";
        alloc.job = TestAllocs.job("batch", task);
        alloc.taskGroup = "g";
        env = TaskEnv.of(alloc, task, dir, new Node(), "global");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static TaskArtifact artifact(String source, Map<String, String> options, String mode, String dest) {
        TaskArtifact a = new TaskArtifact();
        a.getterSource = source;
        a.getterOptions = options == null ? null : new LinkedHashMap<>(options);
        a.getterMode = mode;
        a.relativeDest = dest;
        return a;
    }

    private void fetch(TaskArtifact a) throws Exception {
        fetcher.fetch(a, env, dir, "t");
    }

    private Path local(String name) {
        return dir.localDir("t").resolve(name);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPlainFileLandsInLocalUnderItsOwnName() throws Exception {
        server.put("/hello.txt", "hi there\n");

        fetch(artifact(server.url("/hello.txt"), null, null, null));

        assertThat(local("hello.txt")).hasContent("hi there");
        assertThat(Files.getPosixFilePermissions(local("hello.txt"))).contains(PosixFilePermission.OTHERS_READ);
        // No temporary download is left behind.
        try (var files = Files.list(dir.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("alloc", "t");
        }
    }

    @Test
    void theSourceAndOptionsAreInterpolatedWithTheTasksEnvironment() throws Exception {
        server.put("/hello.txt", "hi");

        fetch(artifact(server.url("/${NOMAD_META_file}"), Map.of("checksum", "sha256:" + sha256("hi")), "any",
                "local/${NOMAD_TASK_NAME}/"));

        // RelativeDest is taken as written, as Nomad 0.11 does.
        assertThat(local("${NOMAD_TASK_NAME}/hello.txt")).hasContent("hi");
    }

    @Test
    void aMatchingChecksumIsAccepted() throws Exception {
        server.put("/hello.txt", "hi");

        fetch(artifact(server.url("/hello.txt"), Map.of("checksum", "sha256:" + sha256("hi")), null, "local/"));

        assertThat(local("hello.txt")).hasContent("hi");
    }

    @Test
    void aChecksumMismatchFailsWithBothValuesAndPlacesNothing() throws Exception {
        server.put("/hello.txt", "tampered");

        assertThatThrownBy(() -> fetch(artifact(server.url("/hello.txt"),
                Map.of("checksum", "sha256:" + sha256("hi")), null, "local/")))
                .isInstanceOf(IOException.class)
                .hasMessage("checksums did not match for " + server.url("/hello.txt") + ": expected sha256:" + sha256("hi")
                        + ", got sha256:" + sha256("tampered"));
        assertThat(local("hello.txt")).doesNotExist();
    }

    @Test
    void aTarGzIsUnpackedIntoTheDestinationKeepingModes() throws Exception {
        server.put("/app.tar.gz", ArtifactServer.tarGz(Map.of("bin/", "", "bin/run.sh", "echo run\n", "README", "read me")));

        fetch(artifact(server.url("/app.tar.gz"), null, "any", "local/app"));

        assertThat(local("app/bin/run.sh")).hasContent("echo run");
        assertThat(local("app/README")).hasContent("read me");
        assertThat(Files.isExecutable(local("app/bin/run.sh"))).isTrue();
        assertThat(local("app.tar.gz")).doesNotExist();
    }

    @Test
    void aZipIsUnpacked() throws Exception {
        server.put("/site.zip", ArtifactServer.zip(Map.of("index.html", "<p>hi</p>", "css/site.css", "p{}")));

        fetch(artifact(server.url("/site.zip"), null, null, "local/"));

        assertThat(local("index.html")).hasContent("<p>hi</p>");
        assertThat(local("css/site.css")).hasContent("p{}");
    }

    @Test
    void archiveFalseKeepsTheArchiveAsDownloaded() throws Exception {
        byte[] zip = ArtifactServer.zip(Map.of("index.html", "<p>hi</p>"));
        server.put("/site.zip", zip);

        fetch(artifact(server.url("/site.zip"), Map.of("archive", "false"), null, "local/"));

        assertThat(local("site.zip")).hasBinaryContent(zip);
        assertThat(local("index.html")).doesNotExist();
    }

    @Test
    void aZipSlipEntryIsRefusedAndNothingLandsOutside() throws Exception {
        server.put("/evil.zip", ArtifactServer.zip(Map.of("../../../evil.txt", "pwned")));

        assertThatThrownBy(() -> fetch(artifact(server.url("/evil.zip"), null, null, "local/")))
                .hasMessage("archive entry contains '..': ../../../evil.txt");
        assertThat(data.resolve("evil.txt")).doesNotExist();
        assertThat(dir.dir().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void aDestinationOutsideTheAllocationDirectoryIsRefused() throws Exception {
        server.put("/hello.txt", "hi");

        assertThatThrownBy(() -> fetch(artifact(server.url("/hello.txt"), null, null, "../../elsewhere")))
                .hasMessage("destination ../../elsewhere escapes the allocation directory");
        // The shared alloc directory is within bounds, as in Nomad.
        fetch(artifact(server.url("/hello.txt"), null, null, "../alloc/data"));
        assertThat(dir.sharedDir().resolve("data/hello.txt")).hasContent("hi");
    }

    @Test
    void fileModeWritesTheDestinationItself() throws Exception {
        server.put("/hello.txt", "hi");

        fetch(artifact(server.url("/hello.txt"), null, TaskArtifact.MODE_FILE, "local/greeting"));

        assertThat(local("greeting")).hasContent("hi");
    }

    @Test
    void redirectsAreFollowed() throws Exception {
        server.put("/hello.txt", "hi");

        fetch(artifact(server.url("/moved"), Map.of("filename", "hello.txt"), null, "local/"));

        assertThat(local("hello.txt")).hasContent("hi");
    }

    @Test
    void aMissingFileIsABadResponseCode() {
        assertThatThrownBy(() -> fetch(artifact(server.url("/nope.txt"), null, null, "local/")))
                .hasMessage("bad response code: 404");
    }

    @Test
    void sourcesOtherThanHttpAreRefused() {
        assertThatThrownBy(() -> fetch(artifact("git::https://github.com/hashicorp/nomad", null, null, "local/")))
                .hasMessageContaining("this node fetches http and https URLs only");
    }

    @Test
    void aLinkOutOfTheDestinationIsRefused() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(bytes))) {
            var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("etc",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        server.put("/links.tgz", bytes.toByteArray());

        assertThatThrownBy(() -> fetch(artifact(server.url("/links.tgz"), null, null, "local/")))
                .hasMessage("archive entry etc links outside the destination: /etc");
        assertThat(local("etc")).doesNotExist();
    }

    @Test
    void aGzipStreamUnpacksToASingleFileOnlyInFileMode() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write("plain".getBytes(StandardCharsets.UTF_8));
        }
        server.put("/notes.gz", bytes.toByteArray());

        assertThatThrownBy(() -> fetch(artifact(server.url("/notes.gz"), null, null, "local/")))
                .hasMessage("gzip-compressed files can only unarchive to a single file");
        fetch(artifact(server.url("/notes.gz"), null, TaskArtifact.MODE_FILE, "local/notes.txt"));
        assertThat(local("notes.txt")).hasContent("plain");
    }
}
