package io.drover.model.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recorded call against a real Nomad 0.11.3 agent (test resources under {@code nomad-0.11.3/});
 * public for the server's tests, which replay the same calls against a real Drover agent.
 */
public final class Recording {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^Content-Length: (\\d+)$");

    public final byte[] requestBody;
    public final int status;
    public final String responseBody;

    private Recording(byte[] requestBody, int status, String responseBody) {
        this.requestBody = requestBody;
        this.status = status;
        this.responseBody = responseBody;
    }

    public static Recording load(String name) {
        byte[] all;
        try (InputStream in = Recording.class.getResourceAsStream("/nomad-0.11.3/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + name);
            }
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Latin-1 keeps one char per byte, so offsets are byte offsets.
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int reqStart = text.indexOf("=== REQUEST ===\n") + "=== REQUEST ===\n".length();
        int reqHeadersEnd = text.indexOf("\n\n", reqStart);
        String reqHeaders = text.substring(reqStart, reqHeadersEnd);
        int bodyStart = reqHeadersEnd + 2;
        Matcher len = CONTENT_LENGTH.matcher(reqHeaders);
        int bodyLength = len.find() ? Integer.parseInt(len.group(1)) : 0;
        byte[] requestBody = Arrays.copyOfRange(all, bodyStart, bodyStart + bodyLength);

        int respStart = text.indexOf("=== RESPONSE ===\n") + "=== RESPONSE ===\n".length();
        int respHeadersEnd = text.indexOf("\n\n", respStart);
        String statusLine = text.substring(respStart, text.indexOf('\n', respStart));
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String respHeaders = text.substring(respStart, respHeadersEnd);
        Matcher respLen = CONTENT_LENGTH.matcher(respHeaders);
        int respBodyStart = respHeadersEnd + 2;
        int respBodyEnd = respLen.find() ? respBodyStart + Integer.parseInt(respLen.group(1))
                : text.indexOf("\n=== ", respBodyStart);
        String responseBody = new String(Arrays.copyOfRange(all, respBodyStart, respBodyEnd), StandardCharsets.UTF_8);
        return new Recording(requestBody, status, responseBody);
    }
}
