package io.drover.http.core;

/** Go's {@code strconv.ParseBool}, with its error text, for query flags such as {@code ?purge=}. */
public final class GoBool {
    private GoBool() {
    }

    /**
     * @throws IllegalArgumentException with Go's message if {@code s} is not a Go boolean
     */
    public static boolean parse(String s) {
        switch (s) {
            case "1": case "t": case "T": case "TRUE": case "true": case "True":
                return true;
            case "0": case "f": case "F": case "FALSE": case "false": case "False":
                return false;
            default:
                throw new IllegalArgumentException("strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
        }
    }

    /**
     * A boolean query parameter: false when absent or empty, else parsed.
     *
     * @throws HttpError 400 with Nomad's message for a value that is not a boolean
     */
    public static boolean queryFlag(GatewayRequest request, String name) {
        String value = request.query(name);
        if (value.isEmpty()) {
            return false;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(
                    "Failed to parse value of \"" + name + "\" (" + value + ") as a bool: " + e.getMessage());
        }
    }
}
