package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A file go-getter downloads before the task starts (Nomad's {@code structs.TaskArtifact}). */
public final class TaskArtifact {
    public static final String MODE_ANY = "any";
    public static final String MODE_FILE = "file";
    public static final String MODE_DIR = "dir";

    @JsonProperty("GetterSource") public String getterSource;
    @JsonProperty("GetterOptions") public Map<String, String> getterOptions;
    @JsonProperty("GetterMode") public String getterMode;
    @JsonProperty("RelativeDest") public String relativeDest;
}
