package io.drover.model.json;

/**
 * Which classes are Nomad's structs, to the reflective helpers that walk them field by field
 * (zero values, copies): every class of the model's packages, {@code io.drover.model} and its
 * subpackages. Anything else (JDK types, Jackson trees) is a leaf to them.
 */
final class ModelStructs {
    private static final String ROOT = "io.drover.model";

    private ModelStructs() {
    }

    static boolean isModelClass(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
    }
}
