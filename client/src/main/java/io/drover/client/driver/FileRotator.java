package io.drover.client.driver;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes one stream of a task's output into size-capped files {@code <base>.0}, {@code .1}, …
 * as Nomad's logmon rotator: writing resumes at the highest existing index (so a restarted
 * task or agent appends rather than overwrites), a file that reaches {@code maxFileBytes}
 * is closed and the next index opened, and only the newest {@code maxFiles} files are kept.
 * Not thread-safe: one pump writes to it.
 */
public final class FileRotator implements Closeable {
    private final Path dir;
    private final String base;
    private final int maxFiles;
    private final long maxFileBytes;
    private int index;
    private long size;
    private OutputStream out;

    public FileRotator(Path dir, String base, int maxFiles, long maxFileBytes) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.base = Objects.requireNonNull(base, "base");
        if (maxFiles < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("log rotation needs at least one file of at least one byte");
        }
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileBytes;
        this.index = Math.max(0, highestIndex());
    }

    /** The file being written now. */
    public Path current() {
        return file(index);
    }

    /** Creates the current file now, empty if nothing is written yet: a task's log files exist from its start, as Nomad's. */
    public void create() throws IOException {
        if (out == null) {
            open();
        }
    }

    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (out == null) {
                open();
            }
            if (size >= maxFileBytes) {
                rotate();
                continue;
            }
            int n = (int) Math.min(len, maxFileBytes - size);
            out.write(b, off, n);
            size += n;
            off += n;
            len -= n;
        }
    }

    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void open() throws IOException {
        Path f = file(index);
        out = Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(f);
    }

    private void rotate() throws IOException {
        close();
        index++;
        purge();
        open();
    }

    /** Deletes the files older than the newest {@code maxFiles}, the one being opened included. */
    private void purge() throws IOException {
        int oldestKept = index - maxFiles + 1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, base + ".*")) {
            for (Path f : files) {
                int i = indexOf(f);
                if (i >= 0 && i < oldestKept) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private int highestIndex() {
        int highest = -1;
        if (!Files.isDirectory(dir)) {
            return highest;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, base + ".*")) {
            for (Path f : files) {
                highest = Math.max(highest, indexOf(f));
            }
        } catch (IOException e) {
            return highest;
        }
        return highest;
    }

    /** The index in {@code <base>.N}, or -1 for a file that is not one of ours. */
    private int indexOf(Path f) {
        String name = f.getFileName().toString();
        String suffix = name.substring(base.length() + 1);
        if (suffix.isEmpty() || suffix.length() > 9 || !suffix.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(suffix);
    }

    private Path file(int i) {
        return dir.resolve(base + "." + i);
    }
}
