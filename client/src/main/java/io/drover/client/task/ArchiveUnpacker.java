package io.drover.client.task;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks a downloaded artifact as go-getter's decompressors do: zip and tar archives (plain,
 * gzip, bzip2 or xz compressed) into a directory, or, in {@code file} mode, their one file to a
 * path; a gzip, bzip2 or xz stream to a single file only. Nothing is ever written outside the
 * destination: entries naming {@code ..} are refused (zip slip), as are links that point out
 * of it and entries whose parent directory resolves, through a link already there, outside it.
 * Owner, group and other permission bits are kept (setuid, setgid and sticky are dropped);
 * devices and FIFOs are skipped.
 */
public final class ArchiveUnpacker {
    /** Go-getter's extensions (and {@code archive=} values), plus plain {@code tar}, which its newer releases unpack too. */
    public static final Set<String> FORMATS = Set.of("zip", "tar", "tar.gz", "tgz", "tar.bz2", "tbz2", "tar.xz", "txz",
            "gz", "bz2", "xz");

    /** The format a URL path's extension names (the longest that matches, so {@code .tar.gz} over {@code .gz}), or null. */
    public static String detect(String path) {
        String best = null;
        for (String f : FORMATS) {
            if (path.endsWith("." + f) && (best == null || f.length() > best.length())) {
                best = f;
            }
        }
        return best;
    }

    /**
     * @param format one of {@link #FORMATS}
     * @param intoDir true to unpack every entry under {@code dest} (a directory); false for an
     *     archive of a single file written to {@code dest} itself
     */
    public void unpack(Path archive, String format, Path dest, boolean intoDir) throws IOException {
        switch (format) {
            case "zip" -> unzip(archive, dest, intoDir);
            case "tar", "tar.gz", "tgz", "tar.bz2", "tbz2", "tar.xz", "txz" -> untar(archive, format, dest, intoDir);
            case "gz", "bz2", "xz" -> {
                if (intoDir) {
                    throw new IOException(streamName(format) + "-compressed files can only unarchive to a single file");
                }
                try (InputStream in = decompressed(archive, format)) {
                    Files.createDirectories(dest.toAbsolutePath().getParent());
                    writeFile(in, dest, 0644, 0);
                }
            }
            default -> throw new IOException("unsupported archive format " + format);
        }
    }

    private void untar(Path archive, String format, Path dest, boolean intoDir) throws IOException {
        String compression = format.contains(".") ? format.substring(format.indexOf('.') + 1)
                : switch (format) {
                    case "tgz" -> "gz";
                    case "tbz2" -> "bz2";
                    case "txz" -> "xz";
                    default -> "";
                };
        Target target = new Target(dest, intoDir);
        try (InputStream raw = decompressed(archive, compression);
                TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isPaxHeader() || e.isGlobalPaxHeader()) {
                    continue;
                }
                long mtime = e.getLastModifiedTime() == null ? 0 : e.getLastModifiedTime().toMillis();
                if (e.isDirectory()) {
                    target.directory(e.getName(), e.getMode());
                } else if (e.isSymbolicLink()) {
                    target.symlink(e.getName(), e.getLinkName());
                } else if (e.isLink()) {
                    target.hardLink(e.getName(), e.getLinkName());
                } else if (e.isFile()) {
                    target.file(e.getName(), tar, e.getMode(), mtime);
                }
            }
        }
        target.finish();
    }

    private void unzip(Path archive, Path dest, boolean intoDir) throws IOException {
        Target target = new Target(dest, intoDir);
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements();) {
                entries.add(en.nextElement());
            }
            if (!intoDir && entries.size() > 1) {
                throw new IOException("expected a single file in the archive, found " + entries.size() + " entries");
            }
            for (ZipArchiveEntry e : entries) {
                int mode = e.getUnixMode();
                Date time = e.getLastModifiedDate();
                if (e.isDirectory()) {
                    target.directory(e.getName(), mode);
                } else if (e.isUnixSymlink()) {
                    target.symlink(e.getName(), zip.getUnixSymlink(e));
                } else {
                    try (InputStream in = zip.getInputStream(e)) {
                        target.file(e.getName(), in, mode, time == null ? 0 : time.getTime());
                    }
                }
            }
        }
        target.finish();
    }

    private static InputStream decompressed(Path file, String compression) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            return switch (compression) {
                case "gz" -> new GzipCompressorInputStream(in, true);
                case "bz2" -> new BZip2CompressorInputStream(in, true);
                case "xz" -> new XZCompressorInputStream(in, true);
                default -> in;
            };
        } catch (IOException e) {
            in.close();
            throw new IOException("not a " + streamName(compression) + " stream: " + e.getMessage(), e);
        }
    }

    private static String streamName(String compression) {
        return switch (compression) {
            case "gz" -> "gzip";
            case "bz2" -> "bzip2";
            default -> compression;
        };
    }

    private static void writeFile(InputStream in, Path path, int mode, long mtimeMillis) throws IOException {
        Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(path, permissions(mode == 0 ? 0644 : mode));
        if (mtimeMillis > 0) {
            Files.setLastModifiedTime(path, FileTime.fromMillis(mtimeMillis));
        }
    }

    /** The permission bits of a Unix mode; setuid, setgid and sticky are dropped as Nomad's umask does. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                p.add(bits[i]);
            }
        }
        return p;
    }

    /**
     * Where one unpacking writes: resolves entry names under the destination and refuses any
     * that would land outside it. In single-file mode, the one file goes to the destination.
     */
    private static final class Target {
        private final Path dest;
        private final boolean intoDir;
        private final List<Path> dirs = new ArrayList<>();
        private final List<Integer> dirModes = new ArrayList<>();
        private final Path realDest;
        private boolean wroteFile;

        Target(Path dest, boolean intoDir) throws IOException {
            this.dest = dest.toAbsolutePath().normalize();
            this.intoDir = intoDir;
            Files.createDirectories(intoDir ? this.dest : this.dest.getParent());
            this.realDest = (intoDir ? this.dest : this.dest.getParent()).toRealPath();
        }

        void directory(String name, int mode) throws IOException {
            if (!intoDir) {
                throw new IOException("expected a single file in the archive, found directory " + name);
            }
            Path p = resolve(name);
            mkdirs(p, name);
            dirs.add(p);
            dirModes.add(mode);
        }

        void file(String name, InputStream in, int mode, long mtimeMillis) throws IOException {
            if (!intoDir && wroteFile) {
                throw new IOException("expected a single file in the archive, got several");
            }
            wroteFile = true;
            Path p = intoDir ? resolve(name) : dest;
            mkdirs(p.getParent(), name);
            writeFile(in, p, mode & 0777, mtimeMillis);
        }

        void symlink(String name, String linkTarget) throws IOException {
            if (!intoDir) {
                throw new IOException("expected a single file in the archive, found link " + name);
            }
            Path p = resolve(name);
            Path pointsTo = Path.of(linkTarget);
            if (pointsTo.isAbsolute() || !p.getParent().resolve(pointsTo).normalize().startsWith(dest)) {
                throw new IOException("archive entry " + name + " links outside the destination: " + linkTarget);
            }
            mkdirs(p.getParent(), name);
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, pointsTo);
        }

        void hardLink(String name, String linkTarget) throws IOException {
            if (!intoDir) {
                throw new IOException("expected a single file in the archive, found link " + name);
            }
            Path p = resolve(name);
            Path existing = resolve(linkTarget);
            mkdirs(p.getParent(), name);
            if (!Files.exists(existing.getParent())) {
                throw new IOException("archive entry " + name + " links to " + linkTarget + ", which is not in the archive");
            }
            checkInside(existing.getParent(), name);
            Files.deleteIfExists(p);
            Files.createLink(p, existing);
        }

        void finish() throws IOException {
            if (!wroteFile && dirs.isEmpty()) {
                throw new IOException("empty archive");
            }
            if (!intoDir && !wroteFile) {
                throw new IOException("expected a single file in the archive, found none");
            }
            // Directories last: a read-only one would have refused the files written into it.
            for (int i = dirs.size() - 1; i >= 0; i--) {
                int mode = dirModes.get(i) & 0777;
                Files.setPosixFilePermissions(dirs.get(i), permissions(mode == 0 ? 0755 : mode));
            }
        }

        /** Go-getter's rule: no {@code ..} anywhere in an entry's name. */
        private Path resolve(String name) throws IOException {
            for (String part : name.split("[/\\\\]")) {
                if (part.equals("..")) {
                    throw new IOException("archive entry contains '..': " + name);
                }
            }
            String relative = name.replaceFirst("^[/\\\\]+", "");
            Path p = dest.resolve(relative).normalize();
            if (!p.startsWith(dest)) {
                throw new IOException("archive entry " + name + " is outside the destination");
            }
            return p;
        }

        /**
         * Creates {@code dir} and its parents, first checking that the deepest one already there
         * resolves inside the destination, so that no directory is made through a link outside.
         */
        private void mkdirs(Path dir, String name) throws IOException {
            Path existing = dir;
            while (!Files.exists(existing)) {
                existing = existing.getParent();
            }
            checkInside(existing, name);
            Files.createDirectories(dir);
            checkInside(dir, name);
        }

        /** Refuses to write under a directory that, through links, is not inside the destination. */
        private void checkInside(Path dir, String name) throws IOException {
            if (!dir.toRealPath().startsWith(realDest)) {
                throw new IOException("archive entry " + name + " would be written outside the destination through a link");
            }
        }
    }
}
