package io.drover.jobspec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.model.json.NomadJson;
import java.util.List;
import java.util.Map;

/**
 * The fields of Nomad 0.11's API structs that are Go values rather than pointers, per job-spec
 * block: a parsed job holds their zero value ({@code ""}, {@code 0}, {@code false}) where the
 * file says nothing, so Nomad's answer never writes them as {@code null}. Also the few defaults
 * Nomad's parser itself starts a block from (a template's change mode, splay and perms; a vault
 * block's env and change mode), which even an uncanonicalized parse shows.
 */
final class ApiValueFields {
    private static final List<String> NONE = List.of();
    private static final Map<String, List<String>> STRINGS = Map.ofEntries(
            Map.entry("task", List.of("Driver", "User", "KillSignal", "Kind")),
            Map.entry("port", List.of("Label")),
            Map.entry("network", List.of("Mode", "Device", "CIDR", "IP")),
            Map.entry("service", List.of("Id", "Name", "PortLabel", "AddressMode")),
            Map.entry("check", List.of("Id", "Name", "Type", "Command", "Path", "Protocol", "PortLabel",
                    "AddressMode", "InitialStatus", "Method", "GRPCService", "TaskName")),
            Map.entry("spread", List.of("Attribute")),
            Map.entry("target", List.of("Value")),
            Map.entry("dispatch_payload", List.of("File")),
            Map.entry("lifecycle", List.of("Hook")),
            Map.entry("parameterized", List.of("Payload")),
            Map.entry("scaling", List.of("ID", "Namespace")),
            Map.entry("volume", List.of("Type", "Source")),
            Map.entry("sidecar_service", List.of("Port")),
            Map.entry("sidecar_task", List.of("Name", "Driver", "User", "KillSignal")),
            Map.entry("proxy", List.of("LocalServiceAddress")),
            Map.entry("upstreams", List.of("DestinationName")),
            Map.entry("path", List.of("Path", "Protocol", "ListenerPort")),
            Map.entry("csi_plugin", List.of("ID", "Type", "MountDir")));
    private static final Map<String, List<String>> NUMBERS = Map.of(
            "task", List.of("ShutdownDelay"),
            "port", List.of("Value", "To"),
            "check_restart", List.of("Limit"),
            "check", List.of("Interval", "Timeout"),
            "target", List.of("Percent"),
            "scaling", List.of("Max", "CreateIndex", "ModifyIndex"),
            "proxy", List.of("LocalServicePort"),
            "upstreams", List.of("LocalBindPort"),
            "path", List.of("LocalPathPort"));
    private static final Map<String, List<String>> BOOLS = Map.of(
            "task", List.of("Leader"),
            "check_restart", List.of("IgnoreWarnings"),
            "check", List.of("Expose", "TLSSkipVerify", "GRPCUseTLS"),
            "service", List.of("EnableTagOverride"),
            "lifecycle", List.of("Sidecar"),
            "volume", List.of("ReadOnly"),
            "connect", List.of("Native"));

    private static final Map<String, Map<String, Object>> PARSER_DEFAULTS = Map.of(
            "template", Map.of("ChangeMode", "restart", "Splay", 5_000_000_000L, "Perms", "0644"),
            "vault", Map.of("Env", true, "ChangeMode", "restart"));

    private ApiValueFields() {
    }

    /** Sets the zero value of every Go-value field of {@code block}'s API struct that is missing. */
    static void fill(String block, ObjectNode out) {
        PARSER_DEFAULTS.getOrDefault(block, Map.of()).forEach((field, value) -> {
            if (!out.has(field)) {
                out.set(field, NomadJson.mapper().valueToTree(value));
            }
        });
        for (String f : STRINGS.getOrDefault(block, NONE)) {
            if (!out.has(f)) {
                out.put(f, "");
            }
        }
        for (String f : NUMBERS.getOrDefault(block, NONE)) {
            if (!out.has(f)) {
                out.put(f, 0L);
            }
        }
        for (String f : BOOLS.getOrDefault(block, NONE)) {
            if (!out.has(f)) {
                out.put(f, false);
            }
        }
    }
}
