package io.drover.client.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file system an {@link ExecDriver} task sees, as Nomad's chroot: its root is its task
 * directory (so {@code /local}, {@code /secrets} and {@code /tmp} are the task's own), with the
 * allocation's shared directory at {@code /alloc}, the host's system directories (Nomad's
 * {@code DefaultChrootEnv}: {@code /bin}, {@code /etc}, {@code /lib}, {@code /lib32},
 * {@code /lib64}, {@code /run/resolvconf}, {@code /sbin}, {@code /usr}, those the host has),
 * a {@code /dev} with only the harmless devices and a {@code /proc} of the task's own PID
 * namespace.
 *
 * <p>Where Nomad copies the system directories into every task directory, these are mounted
 * read-only, inside the task's own mount namespace with private propagation: nothing is copied,
 * no mount reaches the host, and all of them vanish with the task's last process. Only the
 * empty mount points stay in the task directory.
 */
final class ChrootEnv {
    /** Nomad's DefaultChrootEnv: host directories the task sees at the same paths. */
    static final List<String> DEFAULT_DIRS = List.of("/bin", "/etc", "/lib", "/lib32", "/lib64", "/run/resolvconf",
            "/sbin", "/usr");
    private static final String UNSHARE = "/usr/bin/unshare";
    private static final String CHROOT = "/usr/sbin/chroot";
    /**
     * Run in the new mount namespace but outside the new PID namespace, whose PID 1 is its
     * child: waits for it and exits with its status, a signal's as 128 + the signal. It is the
     * process the agent started, so a task the memory limit or a forced kill ended shows as
     * 137. ({@code unshare --fork} would wait itself, but util-linux 2.38 exits 1 when its child
     * dies of SIGKILL, failing to re-raise it.) The signals a stop sends reach the task through
     * the process group; these no-op traps keep the waiter waiting for the task to act on them,
     * and, unlike ignoring them, do not pass on to the task.
     */
    private static final String WAIT = "trap : HUP INT QUIT TERM USR1 USR2 ALRM; \"$@\"; exit $?";

    /**
     * Run as PID 1 of the new PID namespace, in the new mount namespace: arguments are the root,
     * the shared alloc directory, the host directories to show, {@code --}, then the task's
     * command. A failure exits 125 with what failed on the task's stderr.
     */
    private static final String SETUP = """
            root=$1; alloc=$2; shift 2
            fail() { echo "exec driver: $*" >&2; exit 125; }
            while [ "$1" != -- ]; do
              mkdir -p "$root$1" && mount -o bind,ro "$1" "$root$1" || fail "cannot mount $1 in the task's root"
              shift
            done
            shift
            mkdir -p "$root/alloc" "$root/dev" "$root/proc" || fail "cannot create mount points in $root"
            mount --bind "$alloc" "$root/alloc" || fail "cannot mount the alloc dir at /alloc"
            mount -t tmpfs -o nosuid,mode=755 dev "$root/dev" || fail "cannot mount /dev"
            for d in null zero full random urandom tty; do
              : > "$root/dev/$d" && mount --bind "/dev/$d" "$root/dev/$d" || fail "cannot mount /dev/$d"
            done
            mkdir "$root/dev/shm" "$root/dev/pts" && mount -t tmpfs -o nosuid,nodev shm "$root/dev/shm" \\
              || fail "cannot mount /dev/shm"
            ln -s /proc/self/fd "$root/dev/fd" && ln -s /proc/self/fd/0 "$root/dev/stdin" \\
              && ln -s /proc/self/fd/1 "$root/dev/stdout" && ln -s /proc/self/fd/2 "$root/dev/stderr" \\
              || fail "cannot link /dev/fd"
            mount -t proc -o nosuid,nodev,noexec proc "$root/proc" || fail "cannot mount /proc"
            exec %s "$root" "$@"
            """.formatted(CHROOT);

    private final List<String> hostDirs;

    /** @param hostDirs the host directories shown in the task's root, at the same paths */
    ChrootEnv(List<String> hostDirs) {
        this.hostDirs = List.copyOf(hostDirs);
    }

    /** Nomad's default directories that this host has. */
    static ChrootEnv host() {
        List<String> present = new ArrayList<>();
        for (String d : DEFAULT_DIRS) {
            if (Files.isDirectory(Path.of(d))) {
                present.add(d);
            }
        }
        return new ChrootEnv(present);
    }

    List<String> hostDirs() {
        return hostDirs;
    }

    /**
     * The commands the task's command runs under: new PID, mount, UTS and IPC namespaces
     * ({@code unshare}; the mount namespace private, so the mounts stay in it), a waiter, the
     * mounts above, and {@code chroot} into the task directory, whose {@code /} is the task's
     * working directory, as Nomad's exec has it. The command is looked up inside the new root
     * and runs as PID 1 of its namespace, as under Nomad's exec: signals it does not handle do
     * not reach it, and when it exits everything it left there is killed.
     *
     * @param taskDir the task's directory: its root
     * @param allocDir the allocation's shared directory: its {@code /alloc}
     */
    List<String> prefix(Path taskDir, Path allocDir) {
        List<String> argv = new ArrayList<>(List.of(UNSHARE, "--pid", "--mount", "--propagation", "private", "--uts",
                "--ipc", "/bin/sh", "-c", WAIT, "exec-wait", "/bin/sh", "-c", SETUP, "exec-chroot",
                taskDir.toAbsolutePath().toString(), allocDir.toAbsolutePath().toString()));
        argv.addAll(hostDirs);
        argv.add("--");
        return argv;
    }

    /** Which of the commands {@link #prefix} needs this host lacks. */
    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of(UNSHARE, CHROOT)) {
            if (!Files.isExecutable(Path.of(tool))) {
                missing.add(tool);
            }
        }
        if (!Files.isExecutable(Path.of("/usr/bin/mount")) && !Files.isExecutable(Path.of("/bin/mount"))) {
            missing.add("/usr/bin/mount");
        }
        return missing;
    }
}
