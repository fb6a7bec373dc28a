package io.drover.hcl;

/** An HCL source that is not HCL1; the message is HCL1's: {@code At line:col: what}. */
public final class HclSyntaxException extends Exception {
    public HclSyntaxException(HclPos pos, String what) {
        super("At " + pos + ": " + what);
    }
}
