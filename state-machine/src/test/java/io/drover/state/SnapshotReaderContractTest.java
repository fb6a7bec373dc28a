package io.drover.state;

import java.nio.file.Path;

/** The production reader: a snapshot of the RocksDB store, its state written by the real appliers. */
class SnapshotReaderContractTest extends StateReaderContract {
    @Override
    protected Subject open(Path dir) {
        return new StoreWrites(dir);
    }
}
