package io.drover.client.template;

/** Where something starts in a template: 1-based line, 0-based byte column within that line, as Go reports them. */
record Position(int line, int column) {
}
