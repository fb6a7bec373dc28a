package io.drover.model.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * One go-multierror being accumulated. Nomad adds an inner multierror to an outer one in two
 * ways and the difference shows in the text: {@code multierror.Append} flattens the inner list
 * into the outer ({@link #flatten}), while {@code mErr.Errors = append(mErr.Errors, err)} and
 * {@code fmt.Errorf("...: %v", err)} keep it as one entry holding its full formatted text
 * ({@link #nest}, {@link #wrap}).
 */
final class Errs {
    private final List<String> errors = new ArrayList<>();

    Errs add(String error) {
        errors.add(error);
        return this;
    }

    /** {@code multierror.Append(&mErr, inner)}: the inner errors become entries of this one. */
    Errs flatten(List<String> inner) {
        errors.addAll(inner);
        return this;
    }

    /** {@code mErr.Errors = append(mErr.Errors, inner)}: one entry, the inner error's text, if there is one. */
    Errs nest(List<String> inner) {
        if (!inner.isEmpty()) {
            errors.add(MultiError.format(inner));
        }
        return this;
    }

    /** {@code fmt.Errorf(prefix + "%v", inner)} appended as one entry, if the inner error is not nil. */
    Errs wrap(String prefix, List<String> inner) {
        if (!inner.isEmpty()) {
            errors.add(prefix + MultiError.format(inner));
        }
        return this;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The entries; empty where Nomad's {@code ErrorOrNil} gives nil. */
    List<String> list() {
        return List.copyOf(errors);
    }
}
