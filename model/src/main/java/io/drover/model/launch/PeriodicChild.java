package io.drover.model.launch;

import io.drover.model.Job;
import java.util.OptionalLong;

/**
 * The child job a periodic job launches (Nomad's PeriodicDispatch.deriveJob): a copy of the
 * parent named {@code <parent>/periodic-<unix seconds>}, with the parent as ParentID and no
 * Periodic block, so the child itself is scheduled and never launches anything.
 */
public final class PeriodicChild {
    /** Nomad's PeriodicLaunchSuffix. */
    public static final String ID_SUFFIX = "/periodic-";

    private PeriodicChild() {
    }

    public static String childId(String parentId, long launchUnixSeconds) {
        return parentId + ID_SUFFIX + launchUnixSeconds;
    }

    /** The launch time (unix seconds) a child's ID carries, if it is a periodic child's ID. */
    public static OptionalLong launchSeconds(String childId) {
        int at = childId.lastIndexOf(ID_SUFFIX);
        if (at < 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(childId.substring(at + ID_SUFFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The child launched at {@code launchUnixSeconds}; {@code submitTimeNanos} is when the leader
     * launched it (a forced or catch-up launch happens later than its name says).
     */
    public static Job derive(Job parent, long launchUnixSeconds, long submitTimeNanos) {
        Job child = parent.copy();
        child.id = childId(parent.id, launchUnixSeconds);
        child.name = child.id;
        child.parentId = parent.id;
        child.periodic = null;
        child.submitTime = submitTimeNanos;
        child.status = "";
        child.statusDescription = "";
        return child;
    }
}
