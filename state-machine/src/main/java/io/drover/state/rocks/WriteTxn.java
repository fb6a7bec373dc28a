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
 * Raw changes with an overlay so that their own writes are visible to later reads. A root
 * transaction holds one log entry's changes in a RocksDB WriteBatch; a child holds one command
 * of that entry, reading through the entry's earlier commands, and either hands its changes
 * to the entry ({@link #mergeIntoParent}) or is dropped (a refused command). Only the apply
 * thread writes, so reading the live database underneath the overlays is consistent.
 */
final class WriteTxn implements KvRead, AutoCloseable {
    private static final byte[] DELETED = new byte[0];

    /** One change of a child, replayed in order into its parent. */
    private record Op(Cf cf, byte[] key, byte[] value, byte[] rangeEnd) {
    }

    private final RocksDatabase db;
    private final WriteTxn parent;
    private final ReadOptions readOptions;
    private final WriteBatch batch;
    private final List<Op> ops;
    private final Map<Cf, TreeMap<byte[], byte[]>> overlay = new EnumMap<>(Cf.class);
    private boolean rangeDeleted;

    WriteTxn(RocksDatabase db) {
        this.db = db;
        this.parent = null;
        this.readOptions = new ReadOptions();
        this.batch = new WriteBatch();
        this.ops = null;
    }

    private WriteTxn(WriteTxn parent) {
        this.db = parent.db;
        this.parent = parent;
        this.readOptions = null;
        this.batch = null;
        this.ops = new ArrayList<>();
    }

    /** A transaction for one command of this entry: its reads see the entry's earlier commands. */
    WriteTxn child() {
        if (parent != null) {
            throw new IllegalStateException("a command's transaction has no children");
        }
        return new WriteTxn(this);
    }

    /** Hands this command's changes, in the order made, to the entry. */
    void mergeIntoParent() {
        for (Op op : ops) {
            if (op.rangeEnd() != null) {
                parent.deleteRange(op.cf(), op.key(), op.rangeEnd());
            } else if (op.value() == DELETED) {
                parent.delete(op.cf(), op.key());
            } else {
                parent.put(op.cf(), op.key(), op.value());
            }
        }
        ops.clear();
        overlay.clear();
    }

    /**
     * Whether a range was deleted: a range delete is not visible to this transaction's reads, so
     * the entry is committed before its next command reads.
     */
    boolean rangeDeleted() {
        return rangeDeleted;
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
        return parent != null ? parent.get(cf, key) : db.get(cf, key, readOptions);
    }

    @Override
    public List<KeyValue> scan(Cf cf, byte[] prefix) {
        TreeMap<byte[], byte[]> o = overlay.get(cf);
        List<KeyValue> stored = parent != null ? parent.scan(cf, prefix) : db.scan(cf, prefix, readOptions);
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
        if (parent != null) {
            ops.add(new Op(cf, key, value, null));
        } else {
            db.put(batch, cf, key, value);
        }
    }

    void delete(Cf cf, byte[] key) {
        overlay.computeIfAbsent(cf, c -> newMap()).put(key, DELETED);
        if (parent != null) {
            ops.add(new Op(cf, key, DELETED, null));
        } else {
            db.delete(batch, cf, key);
        }
    }

    /** Deletes every key in [from, to); not visible to this transaction's own reads. */
    void deleteRange(Cf cf, byte[] from, byte[] to) {
        rangeDeleted = true;
        if (parent != null) {
            ops.add(new Op(cf, from, null, to));
        } else {
            db.deleteRange(batch, cf, from, to);
        }
    }

    /** Forgets every change so far; later writes start from the stored state again. */
    void discard() {
        overlay.clear();
        rangeDeleted = false;
        if (parent != null) {
            ops.clear();
        } else {
            batch.clear();
        }
    }

    /** Writes the entry's changes to the database in one batch (root transactions only). */
    void commit() {
        db.write(batch);
    }

    @Override
    public void close() {
        if (parent == null) {
            batch.close();
            readOptions.close();
        }
    }

    private static TreeMap<byte[], byte[]> newMap() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }
}
