package io.drover.hcl;

/** A place in an HCL source, 1-based, as HCL1 prints it in its {@code At line:col:} errors. */
public record HclPos(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
