package io.drover.model;

import java.util.List;

/** Formats several errors the way Go's go-multierror does, which Nomad's clients show verbatim. */
public final class MultiError {
    private MultiError() {
    }

    public static String format(List<String> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(errors.size() == 1 ? " error occurred:\n" : " errors occurred:\n");
        for (String e : errors) {
            sb.append("\t* ").append(e).append('\n');
        }
        return sb.append('\n').toString();
    }
}
