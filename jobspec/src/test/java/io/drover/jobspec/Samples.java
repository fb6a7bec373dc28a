package io.drover.jobspec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Raw response bodies a real Nomad 0.11.3 gave, byte for byte (copied from the shared recordings). */
public final class Samples {
    private Samples() {
    }

    public static String body(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/nomad-0.11.3/" + name + ".body")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
