package io.drover.model.validate;

import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.lng;
import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.DispatchPayloadConfig;
import io.drover.model.EphemeralDisk;
import io.drover.model.LogConfig;
import io.drover.model.NetworkResource;
import io.drover.model.RequestedDevice;
import io.drover.model.Resources;
import io.drover.model.TaskArtifact;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.Template;
import io.drover.model.Vault;
import io.drover.model.canonical.StructCanonicalizer;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoPaths;
import io.drover.model.json.GoStrconv;
import io.drover.model.json.GoZero;
import java.util.List;
import java.util.Map;

/**
 * Nomad's validation of the parts of a task: resources and their minimums (CPU 20 MHz, 10 MB of
 * memory, 1 Mbit per network), log rotation, the group's ephemeral disk, artifacts and their
 * checksums, templates, Vault, dispatch payload and lifecycle. Each returns its multierror's
 * entries, or a single message, with Nomad's texts.
 */
final class TaskPartRules {
    private static final Map<String, Integer> CHECKSUM_BYTES = Map.of("md5", 16, "sha1", 20, "sha256", 32, "sha512", 64);

    private TaskPartRules() {
    }

    static List<String> resources(Resources r) {
        Errs errs = new Errs();
        errs.nest(minimums(r));
        if (num(r.diskMb) > 0) {
            errs.add("Task can't ask for disk resources, they have to be specified at the task group level.");
        }
        List<RequestedDevice> devices = GoZero.list(r.devices);
        for (int i = 0; i < devices.size(); i++) {
            errs.wrap("device " + (i + 1) + " failed validation: ", PlacementRules.device(devices.get(i)));
        }
        return errs.list();
    }

    /** Nomad's Resources.MeetsMinResources. */
    private static List<String> minimums(Resources r) {
        Errs errs = new Errs();
        if (num(r.cpu) < Resources.MIN_CPU) {
            errs.add("minimum CPU value is " + Resources.MIN_CPU + "; got " + num(r.cpu));
        }
        if (num(r.memoryMb) < Resources.MIN_MEMORY_MB) {
            errs.add("minimum MemoryMB value is " + Resources.MIN_MEMORY_MB + "; got " + num(r.memoryMb));
        }
        List<NetworkResource> networks = GoZero.list(r.networks);
        for (int i = 0; i < networks.size(); i++) {
            int mbits = num(networks.get(i).mbits);
            if (mbits < 1) {
                errs.wrap("network resource at index " + i + " failed: ",
                        List.of("minimum MBits value is 1; got " + mbits));
            }
        }
        return errs.list();
    }

    static List<String> logConfig(LogConfig l) {
        Errs errs = new Errs();
        if (num(l.maxFiles) < 1) {
            errs.add("minimum number of files is 1; got " + num(l.maxFiles));
        }
        if (num(l.maxFileSizeMb) < 1) {
            errs.add("minimum file size is 1MB; got " + num(l.maxFileSizeMb));
        }
        return errs.list();
    }

    /** Nomad's EphemeralDisk.Validate: a single error or null. */
    static String ephemeralDisk(EphemeralDisk d) {
        return num(d.sizeMb) < 10 ? "minimum DiskMB value is 10; got " + num(d.sizeMb) : null;
    }

    static List<String> artifact(TaskArtifact a) {
        Errs errs = new Errs();
        if (str(a.getterSource).isEmpty()) {
            errs.add("source must be specified");
        }
        String mode = str(a.getterMode);
        if (!mode.isEmpty() && !mode.equals(TaskArtifact.MODE_ANY) && !mode.equals(TaskArtifact.MODE_FILE)
                && !mode.equals(TaskArtifact.MODE_DIR)) {
            errs.add("invalid artifact mode " + GoFmt.quote(mode) + "; must be one of: any, file, dir");
        }
        if (GoPaths.escapesAllocDir("task", str(a.relativeDest))) {
            errs.add("destination escapes allocation directory");
        }
        String checksum = checksum(a.getterOptions);
        if (checksum != null) {
            errs.add(checksum);
        }
        return errs.list();
    }

    /** Nomad's validateChecksum of an artifact's {@code checksum} option. */
    private static String checksum(Map<String, String> options) {
        if (options == null || !options.containsKey("checksum")) {
            return null;
        }
        String check = str(options.get("checksum"));
        // Interpolated values are only known on the client.
        if (StructCanonicalizer.containsEnv(check)) {
            return null;
        }
        check = check.strip();
        if (check.isEmpty()) {
            return "checksum value cannot be empty";
        }
        String[] parts = check.split(":", -1);
        if (parts.length != 2) {
            return "checksum must be given as \"type:value\"; got " + GoFmt.quote(check);
        }
        String value = parts[1];
        String hexError = hexError(value);
        if (hexError != null) {
            return "invalid checksum: " + hexError;
        }
        Integer expected = CHECKSUM_BYTES.get(parts[0]);
        if (expected == null) {
            return "unsupported checksum type: " + parts[0];
        }
        if (value.length() / 2 != expected) {
            return "invalid " + parts[0] + " checksum: " + value;
        }
        return null;
    }

    /** Go's hex.DecodeString error, or null. */
    private static String hexError(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int j = 1;
        for (; j < b.length; j += 2) {
            if (!isHex(b[j - 1])) {
                return invalidByte(b[j - 1]);
            }
            if (!isHex(b[j])) {
                return invalidByte(b[j]);
            }
        }
        if (b.length % 2 == 1) {
            if (!isHex(b[j - 1])) {
                return invalidByte(b[j - 1]);
            }
            return "encoding/hex: odd length hex string";
        }
        return null;
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Go's {@code %#U} of the byte as a rune: {@code U+0067 'g'}. */
    private static String invalidByte(byte b) {
        int r = b & 0xff;
        String hex = String.format("U+%04X", r);
        if (GoFmt.isPrint(r)) {
            hex += " '" + new String(Character.toChars(r)) + "'";
        }
        return "encoding/hex: invalid byte: " + hex;
    }

    static List<String> template(Template t) {
        Errs errs = new Errs();
        if (str(t.sourcePath).isEmpty() && str(t.embeddedTmpl).isEmpty()) {
            errs.add("Must specify a source path or have an embedded template");
        }
        if (str(t.destPath).isEmpty()) {
            errs.add("Must specify a destination for the template");
        }
        if (GoPaths.escapesAllocDir("task", str(t.destPath))) {
            errs.add("destination escapes allocation directory");
        }
        switch (str(t.changeMode)) {
            case Template.CHANGE_MODE_NOOP, Template.CHANGE_MODE_RESTART -> {
            }
            case Template.CHANGE_MODE_SIGNAL -> {
                if (str(t.changeSignal).isEmpty()) {
                    errs.add("Must specify signal value when change mode is signal");
                }
                if (bool(t.envvars)) {
                    errs.add("cannot use signals with env var templates");
                }
            }
            default -> errs.add("Invalid change mode. Must be one of the following: noop, signal, restart");
        }
        if (lng(t.splay) < 0) {
            errs.add("Must specify positive splay value");
        }
        String perms = str(t.perms);
        if (!perms.isEmpty()) {
            String err = GoStrconv.parseUintError(perms, 8, 12);
            if (err != null) {
                errs.add("Failed to parse " + GoFmt.quote(perms) + " as octal: " + err);
            }
        }
        return errs.list();
    }

    static List<String> vault(Vault v) {
        Errs errs = new Errs();
        List<String> policies = GoZero.list(v.policies);
        if (policies.isEmpty()) {
            errs.add("Policy list cannot be empty");
        }
        for (String p : policies) {
            if ("root".equals(p)) {
                errs.add("Can not specify \"root\" policy");
            }
        }
        switch (str(v.changeMode)) {
            case Vault.CHANGE_MODE_SIGNAL -> {
                if (str(v.changeSignal).isEmpty()) {
                    errs.add("Signal must be specified when using change mode \"signal\"");
                }
            }
            case Vault.CHANGE_MODE_NOOP, Vault.CHANGE_MODE_RESTART -> {
            }
            default -> errs.add("Unknown change mode " + GoFmt.quote(str(v.changeMode)));
        }
        return errs.list();
    }

    /** Nomad's DispatchPayloadConfig.Validate: a single error or null. */
    static String dispatchPayload(DispatchPayloadConfig d) {
        return GoPaths.escapesAllocDir("task/local/", str(d.file)) ? "destination escapes allocation directory" : null;
    }

    /** Nomad's TaskLifecycleConfig.Validate: a single error or null. */
    static String lifecycle(TaskLifecycleConfig l) {
        String hook = str(l.hook);
        if (hook.equals(TaskLifecycleConfig.HOOK_PRESTART)) {
            return null;
        }
        return hook.isEmpty() ? "no lifecycle hook provided" : "invalid hook: " + hook;
    }
}
