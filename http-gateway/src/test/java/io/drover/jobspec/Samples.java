package io.drover.jobspec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bodies of the recorded exchanges with a real Nomad 0.11.3. */
final class Samples {
    private static final Path DIR = Path.of("/work/shared/reference/nomad-0.11.3");

    private Samples() {
    }

    /** The raw response body (the line after the blank line that ends the response headers). */
    static String body(String file) {
        try {
            String text = Files.readString(DIR.resolve(file));
            String response = text.substring(text.indexOf("=== RESPONSE ==="));
            int start = response.indexOf("\n\n") + 2;
            int end = response.indexOf("\n=== ", start);
            return response.substring(start, end).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
