package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The Vault policies a task's token carries and what happens when the token changes (Nomad's {@code structs.Vault}). */
public final class Vault {
    public static final String CHANGE_MODE_NOOP = "noop";
    public static final String CHANGE_MODE_SIGNAL = "signal";
    public static final String CHANGE_MODE_RESTART = "restart";

    @JsonProperty("Policies") public List<String> policies;
    @JsonProperty("Env") public Boolean env;
    @JsonProperty("ChangeMode") public String changeMode;
    @JsonProperty("ChangeSignal") public String changeSignal;
}
