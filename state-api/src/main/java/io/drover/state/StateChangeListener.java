package io.drover.state;

/**
 * Told what each applied command changed that leader-only services act on (Nomad's FSM calls
 * into the eval broker and blocked evaluations). Called on the apply thread, after the command's
 * writes are in the database and only for commands with something to tell; never for state
 * installed from a snapshot. Implementations must return quickly and must not write.
 */
@FunctionalInterface
public interface StateChangeListener {
    /** A listener that ignores everything. */
    StateChangeListener NONE = changes -> {
    };

    void onApplied(AppliedChanges changes);
}
