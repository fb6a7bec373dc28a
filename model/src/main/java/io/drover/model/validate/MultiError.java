package io.drover.model.validate;

import java.util.List;

/**
 * Formats several errors the way go-multierror's ListFormatFunc does, which Nomad returns
 * verbatim: {@code "2 errors occurred:\n\t* a\n\t* b\n\n"}. A nested multierror is not indented
 * further; its own text, with its newlines, simply follows its bullet, as Go's {@code %s} prints
 * it.
 */
public final class MultiError {
    private MultiError() {
    }

    public static String format(List<String> errors) {
        if (errors.size() == 1) {
            return "1 error occurred:\n\t* " + errors.get(0) + "\n\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(" errors occurred:\n\t");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                sb.append("\n\t");
            }
            sb.append("* ").append(errors.get(i));
        }
        return sb.append("\n\n").toString();
    }
}
