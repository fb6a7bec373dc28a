package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a periodic job launches children (Nomad's {@code structs.PeriodicConfig}); Spec is a cron line in TimeZone. */
public final class PeriodicConfig {
    public static final String SPEC_CRON = "cron";
    /** Nomad's test-only spec type: comma-separated unix times. */
    public static final String SPEC_TEST = "_internal_test";

    @JsonProperty("Enabled") public Boolean enabled;
    @JsonProperty("Spec") public String spec;
    @JsonProperty("SpecType") public String specType;
    @JsonProperty("ProhibitOverlap") public Boolean prohibitOverlap;
    @JsonProperty("TimeZone") public String timeZone;
}
