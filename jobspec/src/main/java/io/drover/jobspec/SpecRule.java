package io.drover.jobspec;

/**
 * How one HCL key of a job-spec block becomes a field of Nomad's API JSON: a scalar or list of a
 * given kind, a string map ({@code meta}, {@code env}), a free-form object ({@code config}), a check's
 * headers, or a
 * nested block decoded by the rules of {@code block}. Labelled blocks ({@code group "web" {}})
 * put their label in {@code labelField}; repeated blocks become a list when {@code many}.
 */
record SpecRule(String jsonName, Kind kind, String block, boolean many, String labelField) {
    enum Kind {
        STRING, INT, BOOL, DURATION, STRING_LIST, STRING_MAP, FREE_FORM, HEADER, BLOCK
    }

    static SpecRule field(String jsonName, Kind kind) {
        return new SpecRule(jsonName, kind, null, false, null);
    }

    static SpecRule block(String jsonName, String block) {
        return new SpecRule(jsonName, Kind.BLOCK, block, false, null);
    }

    static SpecRule blocks(String jsonName, String block, String labelField) {
        return new SpecRule(jsonName, Kind.BLOCK, block, true, labelField);
    }
}
