package io.drover.client.task;

import io.drover.model.TaskArtifact;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What go-getter makes of an artifact: its source and options interpolated with the task's
 * environment, the options appended to the URL's query, and go-getter's magic parameters taken
 * out of it: {@code checksum} (see {@link ArtifactChecksum}), {@code archive} (a format name to
 * unpack as, or false to keep an archive as downloaded; without it the URL's extension decides,
 * see {@link ArchiveUnpacker#detect}) and {@code filename} (the file's name in {@code any} mode).
 * Only http and https sources are fetched by this node.
 *
 * @param uri what is requested from the server: the magic parameters are not sent
 * @param checksum null when none was given
 * @param archive the format to unpack the download as, null to keep it as it is
 * @param filename the name given to a single downloaded file in {@code any} mode, null for the URL's last segment
 * @param mode {@link TaskArtifact#MODE_ANY}, {@code MODE_FILE} or {@code MODE_DIR}
 */
public record GetterRequest(URI uri, ArtifactChecksum checksum, String archive, String filename, String mode) {
    /** The values Go's strconv.ParseBool reads as false: {@code archive=false} keeps an archive packed. */
    private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

    public static GetterRequest of(TaskArtifact artifact, TaskEnv env) throws IOException {
        String source = env.interpolate(artifact.getterSource == null ? "" : artifact.getterSource);
        URI parsed;
        try {
            parsed = new URI(source);
        } catch (URISyntaxException e) {
            throw new IOException("failed to parse source URL " + quote(artifact.getterSource) + ": " + e.getMessage());
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("unsupported artifact source " + quote(source)
                    + ": this node fetches http and https URLs only");
        }
        if (parsed.getRawAuthority() == null) {
            throw new IOException("artifact source " + quote(source) + " has no host");
        }

        List<String[]> query = new ArrayList<>();
        if (parsed.getRawQuery() != null && !parsed.getRawQuery().isEmpty()) {
            for (String pair : parsed.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.add(new String[] {decode(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? "" : decode(pair.substring(eq + 1))});
            }
        }
        Map<String, String> options = artifact.getterOptions == null ? Map.of() : artifact.getterOptions;
        options.forEach((k, v) -> query.add(new String[] {k, env.interpolate(v == null ? "" : v)}));

        String checksum = take(query, "checksum");
        String archiveOption = take(query, "archive");
        String filename = take(query, "filename");
        StringBuilder rest = new StringBuilder();
        for (String[] kv : query) {
            rest.append(rest.length() == 0 ? "" : "&").append(encode(kv[0])).append('=').append(encode(kv[1]));
        }
        String raw = parsed.getScheme() + "://" + parsed.getRawAuthority() + nz(parsed.getRawPath())
                + (rest.length() == 0 ? "" : "?" + rest);
        URI uri = URI.create(raw);

        String path = nz(uri.getPath());
        String archive;
        if (archiveOption == null || archiveOption.isEmpty()) {
            archive = ArchiveUnpacker.detect(path);
        } else if (FALSE.contains(archiveOption)) {
            archive = null;
        } else {
            // As go-getter: a name it has no unpacker for (true included) downloads the file as it is.
            archive = ArchiveUnpacker.FORMATS.contains(archiveOption) ? archiveOption : null;
        }
        String mode = artifact.getterMode == null || artifact.getterMode.isEmpty() ? TaskArtifact.MODE_ANY
                : artifact.getterMode;
        return new GetterRequest(uri, checksum == null || checksum.isEmpty() ? null : ArtifactChecksum.parse(checksum),
                archive, filename == null || filename.isEmpty() ? null : filename, mode);
    }

    /** The last segment of the URL's path, the file's name when nothing else names it. */
    public String baseName() {
        String path = nz(uri.getPath());
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "." : name;
    }

    /** As go-getter's http getter: a URL ending with {@code /} names a directory. */
    public boolean namesDirectory() {
        return nz(uri.getPath()).endsWith("/");
    }

    private static String take(List<String[]> query, String name) {
        String value = null;
        for (var it = query.iterator(); it.hasNext();) {
            String[] kv = it.next();
            if (kv[0].equals(name)) {
                if (value == null) {
                    value = kv[1];
                }
                it.remove();
            }
        }
        return value;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
