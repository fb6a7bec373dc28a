package io.drover.state.rocks;

import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.Snapshot;

/**
 * The database as of the last whole log entry: a RocksDB snapshot taken when an entry is
 * published, shared by every reader opened until the next one. The commands of a batched entry
 * are committed to RocksDB one by one; a reader of the live database could see the first of them
 * and not the rest, and answer with the entry's index, so an answer cached (or a blocking query
 * parked) at that index would miss the rest for good. Counted: the store holds one reference
 * while the view is current, each open reader one; the last to let go releases the snapshot.
 */
final class PublishedView {
    private final RocksDatabase db;
    private final Snapshot snapshot;
    private final AtomicInteger refs = new AtomicInteger(1);

    private PublishedView(RocksDatabase db, Snapshot snapshot) {
        this.db = db;
        this.snapshot = snapshot;
    }

    /** A view of everything {@code db} holds now. */
    static PublishedView of(RocksDatabase db) {
        return new PublishedView(db, db.snapshot());
    }

    RocksDatabase db() {
        return db;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Takes a reference; false if the view was already released (a newer one replaced it meanwhile). */
    boolean retain() {
        while (true) {
            int n = refs.get();
            if (n == 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (refs.decrementAndGet() == 0) {
            db.release(snapshot);
        }
    }
}
