package io.drover.scheduler.plan;

/** A plan could not be evaluated at all (e.g. it stops an allocation the state does not have); the submitter gets the error. */
public class PlanEvaluationException extends RuntimeException {
    public PlanEvaluationException(String message) {
        super(message);
    }
}
