package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a task asks of a node (Nomad's {@code structs.Resources}). CPU is in MHz, memory and disk
 * in MB. The API's DiskMB is accepted but dropped by a register, as Nomad drops it: disk is asked
 * for per group, by {@link EphemeralDisk}. IOPS is kept only for old (0.7) clients.
 */
public final class Resources {
    public static final int DEFAULT_CPU = 100;
    public static final int DEFAULT_MEMORY_MB = 300;
    public static final int MIN_CPU = 20;
    public static final int MIN_MEMORY_MB = 10;

    @JsonProperty("CPU") public Integer cpu;
    @JsonProperty("MemoryMB") public Integer memoryMb;
    @JsonProperty("DiskMB") public Integer diskMb;
    @JsonProperty("IOPS") public Integer iops;
    @JsonProperty("Networks") public List<NetworkResource> networks;
    @JsonProperty("Devices") public List<RequestedDevice> devices;
}
