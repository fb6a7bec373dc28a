package io.drover.jobspec;

import static io.drover.jobspec.SpecRule.Kind.BOOL;
import static io.drover.jobspec.SpecRule.Kind.DURATION;
import static io.drover.jobspec.SpecRule.Kind.FREE_FORM;
import static io.drover.jobspec.SpecRule.Kind.HEADER;
import static io.drover.jobspec.SpecRule.Kind.INT;
import static io.drover.jobspec.SpecRule.Kind.STRING;
import static io.drover.jobspec.SpecRule.Kind.STRING_LIST;
import static io.drover.jobspec.SpecRule.Kind.STRING_MAP;
import static io.drover.jobspec.SpecRule.block;
import static io.drover.jobspec.SpecRule.blocks;
import static io.drover.jobspec.SpecRule.field;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job-spec grammar of Nomad 0.11's {@code jobspec} package as a table: for every block, the
 * keys it accepts and the API field each one fills. A key missing from its block's table is
 * refused as Nomad refuses it ({@code invalid key}).
 */
final class JobSpecSchema {
    private static final Map<String, Map<String, SpecRule>> BLOCKS = new LinkedHashMap<>();

    static {
        define("job",
                "all_at_once", field("AllAtOnce", BOOL),
                "constraint", blocks("Constraints", "constraint", null),
                "affinity", blocks("Affinities", "affinity", null),
                "spread", blocks("Spreads", "spread", null),
                "datacenters", field("Datacenters", STRING_LIST),
                "group", blocks("TaskGroups", "group", "Name"),
                "id", field("ID", STRING),
                "meta", field("Meta", STRING_MAP),
                "migrate", block("Migrate", "migrate"),
                "name", field("Name", STRING),
                "namespace", field("Namespace", STRING),
                "parameterized", block("ParameterizedJob", "parameterized"),
                "periodic", block("Periodic", "periodic"),
                "priority", field("Priority", INT),
                "region", field("Region", STRING),
                "reschedule", block("Reschedule", "reschedule"),
                "task", blocks("Tasks", "task", "Name"),
                "type", field("Type", STRING),
                "update", block("Update", "update"),
                "vault", block("Vault", "vault"),
                "vault_token", field("VaultToken", STRING),
                "consul_token", field("ConsulToken", STRING));
        define("group",
                "count", field("Count", INT),
                "constraint", blocks("Constraints", "constraint", null),
                "affinity", blocks("Affinities", "affinity", null),
                "restart", block("RestartPolicy", "restart"),
                "meta", field("Meta", STRING_MAP),
                "task", blocks("Tasks", "task", "Name"),
                "ephemeral_disk", block("EphemeralDisk", "ephemeral_disk"),
                "update", block("Update", "update"),
                "reschedule", block("ReschedulePolicy", "reschedule"),
                "vault", block("Vault", "vault"),
                "migrate", block("Migrate", "migrate"),
                "spread", blocks("Spreads", "spread", null),
                "shutdown_delay", field("ShutdownDelay", DURATION),
                "network", blocks("Networks", "network", null),
                "service", blocks("Services", "service", null),
                "volume", blocks("Volumes", "volume", "Name"),
                "scaling", block("Scaling", "scaling"),
                "stop_after_client_disconnect", field("StopAfterClientDisconnect", DURATION));
        define("task",
                "artifact", blocks("Artifacts", "artifact", null),
                "config", field("Config", FREE_FORM),
                "constraint", blocks("Constraints", "constraint", null),
                "affinity", blocks("Affinities", "affinity", null),
                "dispatch_payload", block("DispatchPayload", "dispatch_payload"),
                "lifecycle", block("Lifecycle", "lifecycle"),
                "driver", field("Driver", STRING),
                "env", field("Env", STRING_MAP),
                "kill_timeout", field("KillTimeout", DURATION),
                "leader", field("Leader", BOOL),
                "logs", block("LogConfig", "logs"),
                "meta", field("Meta", STRING_MAP),
                "resources", block("Resources", "resources"),
                "restart", block("RestartPolicy", "restart"),
                "service", blocks("Services", "service", null),
                "shutdown_delay", field("ShutdownDelay", DURATION),
                "template", blocks("Templates", "template", null),
                "user", field("User", STRING),
                "vault", block("Vault", "vault"),
                "kill_signal", field("KillSignal", STRING),
                "kind", field("Kind", STRING),
                "volume_mount", blocks("VolumeMounts", "volume_mount", null),
                "csi_plugin", block("CSIPluginConfig", "csi_plugin"));
        define("constraint",
                "attribute", field("attribute", STRING), "distinct_hosts", field("distinct_hosts", STRING),
                "distinct_property", field("distinct_property", STRING), "operator", field("operator", STRING),
                "regexp", field("regexp", STRING), "set_contains", field("set_contains", STRING),
                "value", field("value", STRING), "version", field("version", STRING),
                "semver", field("semver", STRING));
        define("affinity",
                "attribute", field("attribute", STRING), "operator", field("operator", STRING),
                "regexp", field("regexp", STRING), "set_contains", field("set_contains", STRING),
                "set_contains_any", field("set_contains_any", STRING),
                "set_contains_all", field("set_contains_all", STRING), "value", field("value", STRING),
                "version", field("version", STRING), "semver", field("semver", STRING),
                "weight", field("Weight", INT));
        define("spread",
                "attribute", field("Attribute", STRING), "weight", field("Weight", INT),
                "target", blocks("SpreadTarget", "target", "Value"));
        define("target", "percent", field("Percent", INT), "value", field("Value", STRING));
        define("update",
                "stagger", field("Stagger", DURATION), "max_parallel", field("MaxParallel", INT),
                "health_check", field("HealthCheck", STRING), "min_healthy_time", field("MinHealthyTime", DURATION),
                "healthy_deadline", field("HealthyDeadline", DURATION),
                "progress_deadline", field("ProgressDeadline", DURATION),
                "auto_revert", field("AutoRevert", BOOL), "auto_promote", field("AutoPromote", BOOL),
                "canary", field("Canary", INT));
        define("migrate",
                "max_parallel", field("MaxParallel", INT), "health_check", field("HealthCheck", STRING),
                "min_healthy_time", field("MinHealthyTime", DURATION),
                "healthy_deadline", field("HealthyDeadline", DURATION));
        define("reschedule",
                "attempts", field("Attempts", INT), "interval", field("Interval", DURATION),
                "unlimited", field("Unlimited", BOOL), "delay", field("Delay", DURATION),
                "max_delay", field("MaxDelay", DURATION), "delay_function", field("DelayFunction", STRING));
        define("restart",
                "attempts", field("Attempts", INT), "interval", field("Interval", DURATION),
                "delay", field("Delay", DURATION), "mode", field("Mode", STRING));
        define("periodic",
                "enabled", field("Enabled", BOOL), "cron", field("Spec", STRING),
                "prohibit_overlap", field("ProhibitOverlap", BOOL), "time_zone", field("TimeZone", STRING));
        define("parameterized",
                "payload", field("Payload", STRING), "meta_required", field("MetaRequired", STRING_LIST),
                "meta_optional", field("MetaOptional", STRING_LIST));
        define("vault",
                "policies", field("Policies", STRING_LIST), "env", field("Env", BOOL),
                "change_mode", field("ChangeMode", STRING), "change_signal", field("ChangeSignal", STRING));
        define("ephemeral_disk",
                "sticky", field("Sticky", BOOL), "size", field("SizeMB", INT), "migrate", field("Migrate", BOOL));
        define("resources",
                "cpu", field("CPU", INT), "iops", field("IOPS", INT), "disk", field("DiskMB", INT),
                "memory", field("MemoryMB", INT), "network", blocks("Networks", "network", null),
                "device", blocks("Devices", "device", "Name"));
        define("device",
                "name", field("Name", STRING), "count", field("Count", INT), "constraint", blocks("Constraints", "constraint", null),
                "affinity", blocks("Affinities", "affinity", null));
        define("network",
                "mode", field("Mode", STRING), "mbits", field("MBits", INT),
                "port", blocks("Ports", "port", "Label"));
        define("port", "static", field("Value", INT), "to", field("To", INT));
        define("logs", "max_files", field("MaxFiles", INT), "max_file_size", field("MaxFileSizeMB", INT));
        define("artifact",
                "source", field("GetterSource", STRING), "options", field("GetterOptions", STRING_MAP),
"mode", field("GetterMode", STRING),
                "destination", field("RelativeDest", STRING));
        define("template",
                "change_mode", field("ChangeMode", STRING), "change_signal", field("ChangeSignal", STRING),
                "data", field("EmbeddedTmpl", STRING), "destination", field("DestPath", STRING),
                "left_delimiter", field("LeftDelim", STRING), "perms", field("Perms", STRING),
                "right_delimiter", field("RightDelim", STRING), "source", field("SourcePath", STRING),
                "splay", field("Splay", DURATION), "env", field("Envvars", BOOL),
                "vault_grace", field("VaultGrace", DURATION));
        define("dispatch_payload", "file", field("File", STRING));
        define("lifecycle", "hook", field("Hook", STRING), "sidecar", field("Sidecar", BOOL));
        define("volume", "type", field("Type", STRING), "read_only", field("ReadOnly", BOOL),
                "source", field("Source", STRING), "mount_options", block("MountOptions", "mount_options"));
        define("mount_options", "fs_type", field("FSType", STRING), "mount_flags", field("MountFlags", STRING_LIST));
        define("volume_mount", "volume", field("Volume", STRING), "read_only", field("ReadOnly", BOOL),
                "destination", field("Destination", STRING),
                "propagation_mode", field("PropagationMode", STRING));
        define("scaling", "min", field("Min", INT), "max", field("Max", INT),
                "enabled", field("Enabled", BOOL), "policy", field("Policy", FREE_FORM));
        define("service",
                "name", field("Name", STRING), "tags", field("Tags", STRING_LIST),
                "canary_tags", field("CanaryTags", STRING_LIST), "port", field("PortLabel", STRING),
                "check", blocks("Checks", "check", null), "address_mode", field("AddressMode", STRING),
                "enable_tag_override", field("EnableTagOverride", BOOL),
                "check_restart", block("CheckRestart", "check_restart"), "meta", field("Meta", STRING_MAP),
                "canary_meta", field("CanaryMeta", STRING_MAP), "connect", block("Connect", "connect"));
        define("check",
                "name", field("Name", STRING), "type", field("Type", STRING), "interval", field("Interval", DURATION),
                "timeout", field("Timeout", DURATION), "path", field("Path", STRING),
                "protocol", field("Protocol", STRING), "port", field("PortLabel", STRING),
                "command", field("Command", STRING), "args", field("Args", STRING_LIST),
                "initial_status", field("InitialStatus", STRING), "tls_skip_verify", field("TLSSkipVerify", BOOL),
                "header", field("Header", HEADER), "method", field("Method", STRING),
                "check_restart", block("CheckRestart", "check_restart"),
                "address_mode", field("AddressMode", STRING), "grpc_service", field("GRPCService", STRING),
                "grpc_use_tls", field("GRPCUseTLS", BOOL), "task", field("TaskName", STRING),
                "expose", field("Expose", BOOL));
        define("connect",
                "native", field("Native", BOOL), "sidecar_service", block("SidecarService", "sidecar_service"),
                "sidecar_task", block("SidecarTask", "sidecar_task"));
        define("sidecar_service",
                "port", field("Port", STRING), "proxy", block("Proxy", "proxy"), "tags", field("Tags", STRING_LIST));
        define("proxy",
                "local_service_address", field("LocalServiceAddress", STRING),
                "local_service_port", field("LocalServicePort", INT),
                "upstreams", blocks("Upstreams", "upstreams", null), "expose", block("ExposeConfig", "expose"),
                "config", field("Config", FREE_FORM));
        define("upstreams", "destination_name", field("DestinationName", STRING),
                "local_bind_port", field("LocalBindPort", INT));
        define("expose", "path", blocks("Path", "path", null));
        define("path", "path", field("Path", STRING), "protocol", field("Protocol", STRING),
                "local_path_port", field("LocalPathPort", INT), "listener_port", field("ListenerPort", STRING));
        define("sidecar_task",
                "name", field("Name", STRING), "driver", field("Driver", STRING), "user", field("User", STRING),
                "env", field("Env", STRING_MAP), "meta", field("Meta", STRING_MAP), "config", field("Config", FREE_FORM),
                "logs", block("LogConfig", "logs"), "kill_timeout", field("KillTimeout", DURATION),
                "shutdown_delay", field("ShutdownDelay", DURATION), "kill_signal", field("KillSignal", STRING),
                "resources", block("Resources", "resources"));
        define("csi_plugin", "id", field("ID", STRING), "type", field("Type", STRING),
                "mount_dir", field("MountDir", STRING));
        define("check_restart", "limit", field("Limit", INT), "grace", field("Grace", DURATION),
                "ignore_warnings", field("IgnoreWarnings", BOOL));
    }

    private JobSpecSchema() {
    }

    private static void define(String block, Object... keysAndRules) {
        Map<String, SpecRule> rules = new LinkedHashMap<>();
        for (int i = 0; i < keysAndRules.length; i += 2) {
            rules.put((String) keysAndRules[i], (SpecRule) keysAndRules[i + 1]);
        }
        BLOCKS.put(block, rules);
    }

    /** The rules of a block, by HCL key. */
    static Map<String, SpecRule> rules(String block) {
        Map<String, SpecRule> rules = BLOCKS.get(block);
        if (rules == null) {
            throw new IllegalArgumentException("no job-spec block " + block);
        }
        return rules;
    }

}
