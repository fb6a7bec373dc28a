package io.drover.client.task;

import io.drover.model.DispatchPayloadConfig;
import io.drover.model.launch.JobPayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Nomad's {@code dispatch_payload} prestart hook: a dispatched job's payload, decompressed
 * from the Snappy block its job carries, is written to {@code local/<DispatchPayload.File>}
 * in the task's directory, parents created. Nothing is written when the job has no payload or
 * the task names no file.
 */
public final class DispatchPayloadHook {
    /** The hook's name in Nomad, which prefixes its failures in the Task hook failed event. */
    public static final String NAME = "dispatch_payload";

    private final byte[] payload;
    private final DispatchPayloadConfig config;
    private final Path taskDir;
    private final Path localDir;

    /**
     * @param payload the job's {@code Payload}, Snappy-compressed as Nomad stores it; null if none
     * @param config the task's {@code DispatchPayload}; null if none
     */
    public DispatchPayloadHook(byte[] payload, DispatchPayloadConfig config, Path taskDir, Path localDir) {
        this.payload = payload;
        this.config = config;
        this.taskDir = taskDir;
        this.localDir = localDir;
    }

    /** Writes the payload file. */
    public void prestart() throws TaskHookException {
        if (payload == null || payload.length == 0 || config == null || config.file == null || config.file.isEmpty()) {
            return;
        }
        try {
            Path to = TaskDirPaths.join(taskDir, localDir, config.file, "dispatch payload file");
            byte[] decoded = JobPayload.decompress(payload);
            Files.createDirectories(to.getParent());
            Files.write(to, decoded);
            // Go writes it with mode 0777 under the usual 022 umask.
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | IllegalArgumentException e) {
            throw TaskHookException.hookFailed(NAME, e.getMessage());
        }
    }
}
