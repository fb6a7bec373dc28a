package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoNullable;

/**
 * A typed device attribute value with an optional unit (Nomad's
 * {@code plugins/shared/structs.Attribute}); exactly one of the four values is set.
 */
public final class DeviceAttribute {
    @GoNullable @JsonProperty("Float") public Double floatValue;
    @GoNullable @JsonProperty("Int") public Long intValue;
    @GoNullable @JsonProperty("String") public String stringValue;
    @GoNullable @JsonProperty("Bool") public Boolean boolValue;
    @JsonProperty("Unit") public String unit = "";

    public static DeviceAttribute ofString(String v) {
        DeviceAttribute a = new DeviceAttribute();
        a.stringValue = v;
        return a;
    }

    public static DeviceAttribute ofInt(long v, String unit) {
        DeviceAttribute a = new DeviceAttribute();
        a.intValue = v;
        a.unit = unit;
        return a;
    }

    public static DeviceAttribute ofBool(boolean v) {
        DeviceAttribute a = new DeviceAttribute();
        a.boolValue = v;
        return a;
    }
}
