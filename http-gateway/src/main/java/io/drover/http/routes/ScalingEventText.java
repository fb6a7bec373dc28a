package io.drover.http.routes;

import io.drover.http.core.HttpError;

/**
 * What a scaling request says of the event it records, in either of the forms clients send. Nomad
 * 0.11.3's code takes {@code Message} (a string) and {@code Error} (a bool marking the event an
 * error); its docs take {@code Reason} (a string) and {@code Error} (a string: the error's
 * description, so also an error event). Either is accepted:
 * <ul>
 * <li>{@code Error} as a non-empty string makes an error event whose message is that string (the
 *     more specific text, over a Message or Reason sent beside it);
 * <li>otherwise the message is {@code Message}, or {@code Reason} when there is no Message, and
 *     {@code Error: true} marks the event an error;
 * <li>{@code Error} absent, null, {@code false} or {@code ""} is no error.
 * </ul>
 *
 * @param message the event's {@code Message}
 * @param error whether the event records an error (which changes no count)
 */
record ScalingEventText(String message, boolean error) {
    static ScalingEventText of(RequestBodies.JobScale body) {
        String given = nonEmpty(body.message) ? body.message : nonEmpty(body.reason) ? body.reason : "";
        Object error = body.error;
        if (error == null || Boolean.FALSE.equals(error)) {
            return new ScalingEventText(given, false);
        }
        if (Boolean.TRUE.equals(error)) {
            return new ScalingEventText(given, true);
        }
        if (error instanceof String text) {
            return text.isEmpty() ? new ScalingEventText(given, false) : new ScalingEventText(text, true);
        }
        // Neither form: refused as Nomad 0.11.3's decoder refuses anything but a bool.
        throw HttpError.badRequest("json: cannot unmarshal " + goKind(error)
                + " into Go struct field ScalingRequest.Error of type bool");
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** The JSON kind as Go's decoding errors name it. */
    private static String goKind(Object value) {
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof java.util.List) {
            return "array";
        }
        return "object";
    }
}
