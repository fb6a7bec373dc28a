package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** A consul-template file rendered into a task's directory (Nomad's {@code structs.Template}); Splay and VaultGrace are nanoseconds. */
public final class Template {
    public static final String CHANGE_MODE_NOOP = "noop";
    public static final String CHANGE_MODE_SIGNAL = "signal";
    public static final String CHANGE_MODE_RESTART = "restart";

    @JsonProperty("SourcePath") public String sourcePath;
    @JsonProperty("DestPath") public String destPath;
    @JsonProperty("EmbeddedTmpl") public String embeddedTmpl;
    @JsonProperty("ChangeMode") public String changeMode;
    @JsonProperty("ChangeSignal") public String changeSignal;
    @GoType("time.Duration") @JsonProperty("Splay") public Long splay;
    @JsonProperty("Perms") public String perms;
    @JsonProperty("LeftDelim") public String leftDelim;
    @JsonProperty("RightDelim") public String rightDelim;
    @JsonProperty("Envvars") public Boolean envvars;
    @GoType("time.Duration") @JsonProperty("VaultGrace") public Long vaultGrace;
}
