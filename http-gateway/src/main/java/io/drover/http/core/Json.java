package io.drover.http.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.drover.model.json.NomadJson;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Renders response bodies with Nomad's one JSON mapping. Compact by default; with
 * {@code ?pretty}, as Go's indenting encoder writes it: four spaces, {@code "key": value}, empty
 * containers as {@code []} and {@code {}}, and a final newline.
 */
public final class Json {
    private static final ObjectWriter COMPACT = NomadJson.mapper().writer();
    private static final ObjectWriter PRETTY = NomadJson.mapper().writer(goPrettyPrinter());

    private Json() {
    }

    public static Body render(Object value, boolean pretty) {
        try {
            if (!pretty) {
                return Body.of(COMPACT.writeValueAsBytes(value));
            }
            byte[] json = PRETTY.writeValueAsBytes(value);
            byte[] withNewline = Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return Body.of(withNewline);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("response does not encode as JSON", e);
        }
    }

    private static DefaultPrettyPrinter goPrettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        return new DefaultPrettyPrinter(separators).withArrayIndenter(indenter).withObjectIndenter(indenter);
    }
}
