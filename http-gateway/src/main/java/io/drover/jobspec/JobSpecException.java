package io.drover.jobspec;

/** A job spec Nomad's parser refuses; the message is the one Nomad answers with (400). */
public final class JobSpecException extends Exception {
    public JobSpecException(String message) {
        super(message);
    }
}
