package io.drover.state.rocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.ReadOptions;
import org.rocksdb.WriteBatch;

/**
 * The raw changes of one log entry: a RocksDB WriteBatch plus an overlay so that the entry's
 * own writes are visible to its later reads. Only the apply thread writes, so reading the
 * live database underneath the overlay is consistent.
 */
final class WriteTxn implements KvRead, AutoCloseable {
    private static final byte[] DELETED = new byte[0];

    private final RocksDatabase db;
    private final ReadOptions readOptions = new ReadOptions();
    private final WriteBatch batch = new WriteBatch();
    private final Map<Cf, TreeMap<byte[], byte[]>> overlay = new EnumMap<>(Cf.class);

    WriteTxn(RocksDatabase db) {
        this.db = db;
    }

    @Override
    public byte[] get(Cf cf, byte[] key) {
        TreeMap<byte[], byte[]> o = overlay.get(cf);
        if (o != null) {
            byte[] v = o.get(key);
            if (v != null) {
                return v == DELETED ? null : v;
            }
        }
        return db.get(cf, key, readOptions);
    }

    @Override
    public List<KeyValue> scan(Cf cf, byte[] prefix) {
        TreeMap<byte[], byte[]> o = overlay.get(cf);
        List<KeyValue> stored = db.scan(cf, prefix, readOptions);
        if (o == null) {
            return stored;
        }
        TreeMap<byte[], byte[]> merged = newMap();
        for (KeyValue e : stored) {
            merged.put(e.key(), e.value());
        }
        for (Map.Entry<byte[], byte[]> e : o.tailMap(prefix, true).entrySet()) {
            if (!Keys.startsWith(e.getKey(), prefix)) {
                break;
            }
            if (e.getValue() == DELETED) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        List<KeyValue> out = new ArrayList<>(merged.size());
        merged.forEach((k, v) -> out.add(new KeyValue(k, v)));
        return out;
    }

    void put(Cf cf, byte[] key, byte[] value) {
        overlay.computeIfAbsent(cf, c -> newMap()).put(key, value);
        db.put(batch, cf, key, value);
    }

    void delete(Cf cf, byte[] key) {
        overlay.computeIfAbsent(cf, c -> newMap()).put(key, DELETED);
        db.delete(batch, cf, key);
    }

    /** Deletes every key in [from, to); not visible to this transaction's own reads. */
    void deleteRange(Cf cf, byte[] from, byte[] to) {
        db.deleteRange(batch, cf, from, to);
    }

    /** Forgets every change so far; later writes start from the stored state again. */
    void discard() {
        overlay.clear();
        batch.clear();
    }

    void commit() {
        db.write(batch);
    }

    @Override
    public void close() {
        batch.close();
        readOptions.close();
    }

    private static TreeMap<byte[], byte[]> newMap() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }
}
