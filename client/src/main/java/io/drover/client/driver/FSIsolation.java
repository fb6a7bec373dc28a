package io.drover.client.driver;

/**
 * What a driver's tasks see of the file system (Nomad's {@code drivers.FSIsolation}), which
 * decides how their environment names the allocation's directories: host paths, or the paths
 * inside their root.
 */
public enum FSIsolation {
    /** The host's file system: directories are named by their host paths. */
    NONE,
    /** A chroot of the task directory: {@code /alloc}, {@code /local}, {@code /secrets}. */
    CHROOT
}
