package io.drover.client.task;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Joins a job's relative path (a template's destination, a payload file) onto a directory as
 * Go's {@code filepath.Join} does, where a leading "/" does not make it absolute, and refuses
 * the result when it leaves the task's directory: a job must not write over the node.
 */
final class TaskDirPaths {
    private TaskDirPaths() {
    }

    /**
     * @param taskDir the directory nothing may escape
     * @param base where {@code path} is relative to (the task directory or one inside it)
     * @throws IOException naming the path, when it escapes {@code taskDir}
     */
    static Path join(Path taskDir, Path base, String path, String what) throws IOException {
        String relative = path.replaceFirst("^/+", "");
        Path joined = base.resolve(relative).normalize();
        if (!joined.startsWith(taskDir.normalize())) {
            throw new IOException(what + " \"" + path + "\" escapes the task directory");
        }
        return joined;
    }
}
