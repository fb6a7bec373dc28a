package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Log rotation of a task (Nomad's {@code structs.LogConfig}); ten files of ten MB unless asked otherwise. */
public final class LogConfig {
    public static final int DEFAULT_MAX_FILES = 10;
    public static final int DEFAULT_MAX_FILE_SIZE_MB = 10;

    @JsonProperty("MaxFiles") public Integer maxFiles;
    @JsonProperty("MaxFileSizeMB") public Integer maxFileSizeMb;
}
