package io.drover.state.rocks;

/** One entry of a column family. */
record KeyValue(byte[] key, byte[] value) {
}
