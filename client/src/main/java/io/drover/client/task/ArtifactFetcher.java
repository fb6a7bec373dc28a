package io.drover.client.task;

import io.drover.model.TaskArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;

/**
 * Fetches one artifact into its task's directory as Nomad's getter does with go-getter, for
 * http and https sources: the download streams to a temporary file in the allocation
 * directory while it is hashed, the {@code checksum} is verified, then the file is moved to
 * its destination or, for an archive, unpacked there ({@link ArchiveUnpacker}). The
 * destination is the artifact's {@code RelativeDest} under the task directory
 * ({@value #DEFAULT_DEST} when unset); like Nomad's validation it may not leave the allocation
 * directory, checked here again after interpolation and through any links already in place.
 *
 * <p>In {@code any} mode a single file keeps its name (or the {@code filename} option) inside
 * the destination directory; in {@code file} mode the destination is the file itself. Blocking:
 * call it off the node's state thread.
 */
public final class ArtifactFetcher {
    /** Where an artifact goes when it does not say (Nomad's api package defaults it so). */
    public static final String DEFAULT_DEST = "local/";
    private static final int BUFFER = 64 * 1024;

    private final HttpClient http;
    private final Duration responseTimeout;
    private final ArchiveUnpacker unpacker = new ArchiveUnpacker();

    /**
     * @param http should follow redirects
     * @param responseTimeout how long to wait for the response's headers (the body then takes as long as it takes)
     */
    public ArtifactFetcher(HttpClient http, Duration responseTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /** The node agent's: redirects followed (not from https to http), 30 s to connect, 60 s to answer. */
    public static ArtifactFetcher create() {
        return new ArtifactFetcher(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), Duration.ofSeconds(60));
    }

    /**
     * Fetches {@code artifact} for {@code task}. The exception's message says what went wrong
     * (the caller adds which artifact); an interrupt abandons the download.
     */
    public void fetch(TaskArtifact artifact, TaskEnv env, AllocDir dir, String task)
            throws IOException, InterruptedException {
        GetterRequest req = GetterRequest.of(artifact, env);
        Path allocDir = dir.dir().toAbsolutePath().normalize();
        String relative = artifact.relativeDest == null ? DEFAULT_DEST : artifact.relativeDest;
        Path dest = inside(allocDir, dir.taskDir(task).toAbsolutePath().resolve(relative).normalize(), relative);

        boolean file = TaskArtifact.MODE_FILE.equals(req.mode());
        if (req.archive() == null) {
            if (TaskArtifact.MODE_DIR.equals(req.mode()) || (!file && req.namesDirectory())) {
                // Go-getter would ask the server where the directory's contents are (X-Terraform-Get).
                throw new IOException(req.checksum() != null ? "checksum cannot be specified for directory download"
                        : "downloading a directory over http is not supported; fetch an archive of it");
            }
            if (!file) {
                String name = req.filename() != null ? req.filename() : req.baseName();
                dest = inside(allocDir, dest.resolve(name).normalize(), name);
            }
        }
        mkdirsInside(allocDir, req.archive() != null && !file ? dest : dest.getParent());

        Path download = Files.createTempFile(allocDir, ".artifact-", ".download");
        try {
            byte[] digest = download(req, download);
            if (req.checksum() != null) {
                req.checksum().verify(digest, req.uri().toString());
            }
            if (req.archive() != null) {
                unpacker.unpack(download, req.archive(), dest, !file);
            } else {
                Files.setPosixFilePermissions(download, ArchiveUnpacker.permissions(0644));
                move(download, dest);
            }
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /** Streams the response body to {@code to}; returns its digest of the checksum's type (null without one). */
    private byte[] download(GetterRequest req, Path to) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(req.uri()).timeout(responseTimeout).GET().build();
        HttpResponse<InputStream> resp = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = req.checksum() == null ? null : req.checksum().newDigest();
        try (InputStream in = resp.body()) {
            if (resp.statusCode() != 200) {
                throw new IOException("bad response code: " + resp.statusCode());
            }
            try (OutputStream out = Files.newOutputStream(to)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("artifact download abandoned");
                    }
                    out.write(buf, 0, n);
                    if (digest != null) {
                        digest.update(buf, 0, n);
                    }
                }
            }
        }
        return digest == null ? null : digest.digest();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path inside(Path allocDir, Path p, String asGiven) throws IOException {
        if (!p.startsWith(allocDir)) {
            throw new IOException("destination " + asGiven + " escapes the allocation directory");
        }
        return p;
    }

    /** Creates {@code d}, refusing when a link already in place would take it out of the allocation directory. */
    private static void mkdirsInside(Path allocDir, Path d) throws IOException {
        Path real = allocDir.toRealPath();
        Path existing = d;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(real)) {
            throw new IOException("destination " + allocDir.relativize(d) + " leads out of the allocation directory through a link");
        }
        Files.createDirectories(d);
    }
}
