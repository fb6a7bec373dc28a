package io.drover.model.alloc;

import java.util.Objects;

/** What identifies a device group: vendor, type and model name (Nomad's {@code structs.DeviceIdTuple}). */
public record DeviceIdTuple(String vendor, String type, String name) {
    public DeviceIdTuple {
        vendor = Objects.requireNonNullElse(vendor, "");
        type = Objects.requireNonNullElse(type, "");
        name = Objects.requireNonNullElse(name, "");
    }

    /** Nomad's Matches: whether this device satisfies {@code other}, whose empty parts match anything. */
    public boolean matches(DeviceIdTuple other) {
        if (other == null) {
            return false;
        }
        return (other.name.isEmpty() || other.name.equals(name))
                && (other.vendor.isEmpty() || other.vendor.equals(vendor))
                && (other.type.isEmpty() || other.type.equals(type));
    }

    @Override
    public String toString() {
        return vendor + "/" + type + "/" + name;
    }
}
