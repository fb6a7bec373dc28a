package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** One recorded change of a whole allocation's state, such as becoming lost (Nomad's {@code structs.AllocState}). */
public final class AllocState {
    /** Nomad's AllocStateFieldClientStatus, the only field recorded. */
    public static final int FIELD_CLIENT_STATUS = 0;

    @GoType("uint8") @JsonProperty("Field") public Integer field = FIELD_CLIENT_STATUS;
    @JsonProperty("Value") public String value = "";
    /** RFC 3339 (see {@link GoTime}). */
    @JsonProperty("Time") public String time;

    public AllocState() {
    }

    public AllocState(int field, String value, String time) {
        this.field = field;
        this.value = value;
        this.time = time;
    }
}
