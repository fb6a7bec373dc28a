package io.drover.state.rocks;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's native library from one stable file per library build.
 *
 * <p>RocksDB's own loader copies the 17 MB library from its jar to a fresh temporary file on every
 * start and deletes it only on an orderly exit, so every killed server (kill -9, the OOM killer, a
 * fault test) leaves one behind; on a test machine they filled gigabytes of /tmp, and a node agent
 * measuring that disk then garbage-collected allocations it should have kept. Here the library is
 * extracted once, under a name carrying the jar entry's CRC, written to a private temporary file
 * and renamed into place, so concurrent starts never see half a file.
 */
public final class RocksNative {
    private RocksNative() {
    }

    /** Loads the library; idempotent, like {@link RocksDB#loadLibrary()}. */
    public static void load() {
        Path dir;
        try {
            dir = extract();
        } catch (IOException | RuntimeException e) {
            dir = null;
        }
        if (dir == null) {
            RocksDB.loadLibrary();
            return;
        }
        try {
            RocksDB.loadLibrary(List.of(dir.toString()));
        } catch (UnsatisfiedLinkError e) {
            RocksDB.loadLibrary();
        }
    }

    /** The directory holding the extracted library, or null when it is not packed in a jar. */
    private static Path extract() throws IOException {
        URL url = RocksDB.class.getClassLoader().getResource(Environment.getJniLibraryFileName("rocksdb"));
        if (url == null) {
            return null;
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return null;
        }
        JarEntry entry = jar.getJarEntry();
        if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
            return null;
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                "drover-" + System.getProperty("user.name", "user"),
                "rocksdbjni-" + Long.toHexString(entry.getCrc()));
        // RocksDB.loadLibrary(List) looks for getJniLibraryFileName("rocksdbjni") in each directory
        // ("librocksdbjnijni-linux64.so", one "jni" more than the jar's entry), so that is the
        // name the file gets; RocksNativeTest notices if a RocksDB release changes it.
        String name = Environment.getJniLibraryFileName("rocksdbjni");
        Path lib = dir.resolve(name);
        if (Files.isRegularFile(lib) && Files.size(lib) == entry.getSize()) {
            return dir;
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, name, ".part");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return dir;
    }
}
