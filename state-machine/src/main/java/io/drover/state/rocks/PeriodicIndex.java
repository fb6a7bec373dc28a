package io.drover.state.rocks;

import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import org.rocksdb.WriteBatch;

/**
 * Fills PERIODIC_JOBS from JOBS in a database written before the index existed (or installed
 * from such a snapshot), once: afterwards every job write keeps it. Every server derives it
 * from the same jobs, so their states stay equal.
 */
final class PeriodicIndex {
    private PeriodicIndex() {
    }

    static void buildIfMissing(RocksDatabase db) {
        if (db.get(Cf.META, Schema.PERIODIC_INDEX_BUILT, null) != null) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (KeyValue e : db.scan(Cf.JOBS, new byte[0], null)) {
                if (NomadJson.read(e.value(), Job.class).periodic != null) {
                    db.put(batch, Cf.PERIODIC_JOBS, e.key(), new byte[0]);
                }
            }
            db.put(batch, Cf.META, Schema.PERIODIC_INDEX_BUILT, new byte[0]);
            db.write(batch);
        }
    }
}
