package io.drover.cluster.fault;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds out whether a process holds a socket, from its open file descriptors in
 * {@code /proc/<pid>/fd}: a socket shows there as a link to {@code socket:[inode]}. A process
 * counts with its descendants (a server started through a wrapper script holds its sockets in a
 * child). Reading another user's {@code fd} directory needs privileges: processes of the same
 * user are fine.
 */
final class SocketHolders {
    private final Path proc;

    SocketHolders(Path proc) {
        this.proc = proc;
    }

    static SocketHolders system() {
        return new SocketHolders(Path.of("/proc"));
    }

    /** Whether {@code pid}, or one of its descendants, has {@code socket:[inode]} open. */
    boolean holds(long pid, long inode) {
        String link = "socket:[" + inode + "]";
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return false;
        }
        try (Stream<ProcessHandle> family = Stream.concat(Stream.of(root.get()), root.get().descendants())) {
            return family.anyMatch(p -> hasLink(p.pid(), link));
        }
    }

    private boolean hasLink(long pid, String link) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(link)) {
                        return true;
                    }
                } catch (IOException e) {
                    // closed while we looked: not the one
                }
            }
        } catch (IOException e) {
            // the process exited, or is not ours to look at
        }
        return false;
    }
}
