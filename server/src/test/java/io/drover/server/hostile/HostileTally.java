package io.drover.server.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The run's figures for {@code docs/robustness.md}: how many requests of each family, every
 * (status, first words of the answer) class seen and how often, the slowest answer per family,
 * and resource use before and after. Written to {@code target/hostile-input-report.txt}.
 */
final class HostileTally {
    private final Map<String, Integer> families = new TreeMap<>();
    private final Map<String, Integer> classes = new TreeMap<>();
    private final Map<String, Long> slowestNanos = new TreeMap<>();
    private int requests;
    private int acceptedDeregisters;

    void record(HostileRequest request, RawHttp.Answer answer) {
        requests++;
        families.merge(request.family(), 1, Integer::sum);
        classes.merge(classOf(answer), 1, Integer::sum);
        slowestNanos.merge(request.family(), answer.nanos(), Math::max);
    }

    void acceptedDeregister() {
        acceptedDeregisters++;
    }

    int acceptedDeregisters() {
        return acceptedDeregisters;
    }

    int requests() {
        return requests;
    }

    /** "400 invalid character" or "closed": a status with its message's first words, numbers and names dropped. */
    static String classOf(RawHttp.Answer answer) {
        if (answer.closedUnanswered()) {
            return "closed without an answer";
        }
        if (answer.status() < 300) {
            return answer.status() + "";
        }
        String text = answer.bodyText().strip();
        int cut = text.indexOf('\n');
        if (cut > 0) {
            text = text.substring(0, cut);
        }
        text = text.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'").replaceAll("[0-9]+", "N")
                .replaceAll("At N:N: .*", "At N:N: …").replaceAll("\\(at N:N\\).*", "(at N:N)");
        return answer.status() + " " + HostileRequest.abbreviate(text, 90);
    }

    String report(long seconds, ResourceUsage start, ResourceUsage end) {
        StringBuilder sb = new StringBuilder();
        sb.append(requests).append(" hostile requests in ").append(seconds).append(" s; ")
                .append(acceptedDeregisters).append(" accepted deregisters of jobs that do not exist\n");
        sb.append("resources before: ").append(start.describe()).append('\n');
        sb.append("resources after:  ").append(end.describe()).append('\n');
        sb.append("\nfamily: requests, slowest answer\n");
        families.forEach((f, n) -> sb.append(String.format("  %-12s %6d  %5d ms%n", f, n,
                TimeUnit.NANOSECONDS.toMillis(slowestNanos.get(f)))));
        sb.append("\nanswer class: count\n");
        classes.forEach((c, n) -> sb.append(String.format("  %6d  %s%n", n, c)));
        return sb.toString();
    }

    void write(Path file, String report) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
