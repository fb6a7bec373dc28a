package io.drover.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * Decodes request bodies with the error messages of Go's encoding/json, which Nomad returns
 * as its 400 bodies ({@code EOF}, {@code unexpected EOF}, {@code json: cannot unmarshal ...}).
 */
public final class GoJsonDecoder {
    private GoJsonDecoder() {
    }

    public static <T> T decode(byte[] body, Class<T> type) throws BodyDecodeException {
        if (body.length == 0) {
            throw new BodyDecodeException("EOF");
        }
        try {
            T value = NomadJson.mapper().readValue(body, type);
            if (value == null) {
                throw new BodyDecodeException("EOF");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new BodyDecodeException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new BodyDecodeException(e.getMessage());
        }
    }
}
