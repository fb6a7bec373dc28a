package io.drover.client.driver;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's cgroup, made by {@link Cgroups#create}: a directory in each hierarchy that limits
 * it (v1: memory and cpu; v2: the one unified directory). A process joins it by writing its
 * pid to every {@link #procs()} file, and its children are in it from then on.
 */
final class TaskCgroup {
    private final List<Path> dirs;
    private final Path memoryEvents;

    /**
     * @param dirs the cgroup's directory in each hierarchy, created
     * @param memoryEvents the memory controller's file that counts OOM kills on an
     *     {@code oom_kill N} line (v1 {@code memory.oom_control}, v2 {@code memory.events})
     */
    TaskCgroup(List<Path> dirs, Path memoryEvents) {
        this.dirs = List.copyOf(dirs);
        this.memoryEvents = memoryEvents;
    }

    List<Path> dirs() {
        return dirs;
    }

    /** The files a process writes its pid to, to join the cgroup. */
    List<Path> procs() {
        List<Path> procs = new ArrayList<>();
        for (Path d : dirs) {
            procs.add(d.resolve("cgroup.procs"));
        }
        return procs;
    }

    /** Whether the kernel's OOM killer has killed a process of this cgroup for its memory limit. */
    boolean oomKilled() {
        try {
            for (String line : Files.readAllLines(memoryEvents)) {
                String[] kv = line.trim().split("\\s+");
                if (kv.length == 2 && kv[0].equals("oom_kill")) {
                    return Long.parseLong(kv[1]) > 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // An unreadable counter is no evidence of a kill.
        }
        return false;
    }

    /**
     * Kills what is left of the task in the cgroup (what it left behind outlives it only in
     * the cgroup) and removes its directories, and the {@code drover} parent when this was
     * its last task.
     *
     * @return whether the directories are gone; false while killed processes are still exiting
     */
    boolean remove() {
        boolean gone = true;
        for (Path d : dirs) {
            gone &= removeDir(d);
        }
        if (gone) {
            for (Path d : dirs) {
                try {
                    Files.deleteIfExists(d.getParent());
                } catch (IOException e) {
                    // Another task's cgroup is still there: the parent stays with it.
                }
            }
        }
        return gone;
    }

    private static boolean removeDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try {
            for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (NoSuchFileException e) {
            // Not a cgroup (a test's directory): nothing runs in it.
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        try {
            Files.delete(dir);
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        } catch (IOException e) {
            // EBUSY: processes are still leaving the cgroup.
            return false;
        }
    }
}
