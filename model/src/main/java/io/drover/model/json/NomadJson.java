package io.drover.model.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of Nomad's model, used for the HTTP API and for what the state store
 * keeps. Keys are matched case-insensitively and unknown keys ignored, as Go's encoding/json
 * does; fields are written in declaration order, which follows Nomad's struct order, and map
 * entries in key order. Request bodies go through {@link GoJsonDecoder} instead, which checks
 * them as Go would before binding them with this mapper.
 */
public final class NomadJson {
    private static final ObjectMapper MAPPER = builder()
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .build();
    /**
     * For what Drover wrote itself (stored values, Raft command payloads): keys are always in
     * Nomad's case, and matching them exactly is a third faster than matching them loosely.
     */
    private static final ObjectMapper INTERNAL = builder().build();

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
            .configure(MapperFeature.AUTO_DETECT_GETTERS, false)
            .configure(MapperFeature.AUTO_DETECT_IS_GETTERS, false)
            .configure(MapperFeature.AUTO_DETECT_SETTERS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            // Allocations carry a score per node considered: the JDK's double parsing and
            // printing was a quarter of decoding one. Same values, same text (shortest form).
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            // Maps keep the order they were decoded in (Go's have none). That is deterministic
            // for stored values (every server decodes the same bytes) and lets response
            // envelopes keep Nomad's field order.
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
    }

    private NomadJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A copy of the mapper {@link #read} decodes stored values with, to configure further (mix-ins). */
    public static ObjectMapper storedValueMapper() {
        return INTERNAL.copy();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes what Drover wrote itself with {@link #write}; never a client's body (see {@link GoJsonDecoder}). */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return INTERNAL.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored value does not decode as " + type.getSimpleName(), e);
        }
    }

    public static <T> T copy(T value, Class<T> type) {
        return read(write(value), type);
    }
}
