package io.drover.jobspec;

import io.drover.hcl.HclPos;
import io.drover.model.validate.MultiError;
import java.util.List;

/**
 * A job spec Nomad's parser refuses; the message is the one Nomad answers with (400). As in Go,
 * the error is either plain or a multierror (a list, formatted as go-multierror does), and that
 * matters for the text: a prefix lands before each entry of a multierror, but once Nomad formats
 * an error into a new one ({@code fmt.Errorf("resource, %v", err)}), it is plain from then on.
 *
 * <p>Unlike Nomad's, each refusal of the job spec also says where in the file it is: Nomad's
 * words, then {@code (at line:column)}, in HCL's own notation for positions. The position ends
 * the entry it belongs to, so the prefixes Nomad's parse functions put before an entry leave it
 * in place, each entry of a multierror keeps its own, and a tool matching Nomad's text by prefix
 * still matches.
 */
public final class JobSpecException extends Exception {
    /** The entries of a multierror, or null when the error is plain. */
    private final List<String> errors;

    public JobSpecException(String message) {
        super(message);
        this.errors = null;
    }

    /** A refusal of what was written at {@code pos}. */
    JobSpecException(String message, HclPos pos) {
        this(located(message, pos));
    }

    private JobSpecException(List<String> errors) {
        super(MultiError.format(errors));
        this.errors = List.copyOf(errors);
    }

    /** Nomad's words for a refusal, then where in the file the refused key, block or value is. */
    static String located(String what, HclPos pos) {
        return what + " (at " + pos + ")";
    }

    /** go-multierror's Append of these errors. */
    static JobSpecException multi(List<String> errors) {
        return new JobSpecException(errors);
    }

    /** go-multierror's {@code Prefix(err, prefix)}: {@code "<prefix> <err>"} for each entry. */
    JobSpecException prefixed(String prefix) {
        if (errors == null) {
            return new JobSpecException(prefix + " " + getMessage());
        }
        return new JobSpecException(errors.stream().map(e -> prefix + " " + e).toList());
    }

    /** {@code fmt.Errorf(lead + "%v", err)}: the whole text, plain, after {@code lead}. */
    JobSpecException formattedAfter(String lead) {
        return new JobSpecException(lead + getMessage());
    }
}
