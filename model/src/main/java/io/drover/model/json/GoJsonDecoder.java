package io.drover.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;

/**
 * Decodes request bodies as Nomad's HTTP agent does (Go's {@code json.NewDecoder(body).Decode}),
 * with its error messages, which Nomad returns as 400 bodies: {@code EOF} for an empty body,
 * {@code unexpected EOF} for a truncated one, the scanner's {@code invalid character ...} texts,
 * and {@code json: cannot unmarshal string into Go struct field TaskGroup.Job.TaskGroups.Count of
 * type int} for a value of the wrong type. Keys match fields case-insensitively, unknown keys are
 * ignored, and anything after the first complete JSON value is ignored, as in Go.
 */
public final class GoJsonDecoder {
    private GoJsonDecoder() {
    }

    /**
     * Decodes {@code body} into a new {@code type}; a body of {@code null} gives an empty one.
     *
     * @throws BodyDecodeException with Go's error text when Go would refuse the body
     */
    public static <T> T decode(byte[] body, Class<T> type) throws BodyDecodeException {
        JsonNode tree;
        try {
            tree = GoJsonParser.parse(body, GoTypeInfo.of(type, null));
        } catch (GoJsonParser.SyntaxError e) {
            throw new BodyDecodeException(e.getMessage());
        }
        if (tree.isNull()) {
            return empty(type);
        }
        try {
            return NomadJson.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            // The parser only lets through what binds; reaching here is a bug of ours, not the client's.
            throw new IllegalStateException("checked request body did not bind to " + type.getSimpleName(), e);
        }
    }

    private static <T> T empty(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                | NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " needs a public no-arg constructor", e);
        }
    }
}
