package io.drover.http.core;

/** This gateway serves one region; a request for another has nowhere to go. */
public final class Regions {
    public static final String NO_PATH = "No path to region";

    private Regions() {
    }

    /**
     * @param requested the region a request names, "" for none
     * @throws HttpError 400 "No path to region" (Nomad answers 500; we call it bad input)
     */
    public static void check(String requested, String agentRegion) {
        if (!requested.isEmpty() && !requested.equals(agentRegion)) {
            throw HttpError.badRequest(NO_PATH);
        }
    }
}
