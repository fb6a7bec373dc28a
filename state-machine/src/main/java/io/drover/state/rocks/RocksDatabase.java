package io.drover.state.rocks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB instance with Drover's column families. Memory is bounded on purpose (one
 * shared block cache, small memtables capped together) so a server's footprint stays small.
 * Writes are not fsynced: the Raft log is the durable record, and a restart replays whatever
 * the database lost.
 */
final class RocksDatabase implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private static final long BLOCK_CACHE_BYTES = 32L << 20;
    private static final long WRITE_BUFFER_BYTES = 4L << 20;
    private static final long ALL_MEMTABLES_BYTES = 48L << 20;

    private final Path path;
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Map<Cf, ColumnFamilyHandle> byCf = new EnumMap<>(Cf.class);

    RocksDatabase(Path path) {
        this.path = path;
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + path, e);
        }
        cache = new LRUCache(BLOCK_CACHE_BYTES);
        writeBufferManager = new WriteBufferManager(ALL_MEMTABLES_BYTES, cache);
        dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setWriteBufferManager(writeBufferManager)
                .setMaxBackgroundJobs(2)
                .setKeepLogFileNum(2)
                .setMaxManifestFileSize(4L << 20);
        cfOptions = new ColumnFamilyOptions()
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                // Bloom filters make a lookup of an absent key (a new job, a new request ID) cheap;
                // keeping index and filter blocks in the cache keeps memory bounded by it.
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(new BloomFilter(10, false))
                        .setCacheIndexAndFilterBlocks(true)
                        .setPinL0FilterAndIndexBlocksInCache(true));
        writeOptions = new WriteOptions().setSync(false);

        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
        for (Cf cf : Cf.values()) {
            descriptors.add(new ColumnFamilyDescriptor(cf.nameBytes(), cfOptions));
        }
        try {
            db = RocksDB.open(dbOptions, path.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            closeOptions();
            throw new IllegalStateException("cannot open state database at " + path + ": " + e.getMessage(), e);
        }
        Cf[] cfs = Cf.values();
        for (int i = 0; i < cfs.length; i++) {
            byCf.put(cfs[i], handles.get(i + 1));
        }
    }

    Path path() {
        return path;
    }

    /** The value under {@code key} (null if none); {@code options} may be null for the latest state. */
    byte[] get(Cf cf, byte[] key, ReadOptions options) {
        try {
            return options == null ? db.get(byCf.get(cf), key) : db.get(byCf.get(cf), options, key);
        } catch (RocksDBException e) {
            throw new StateStorageException("read of " + cf.cfName() + " failed", e);
        }
    }

    List<KeyValue> scan(Cf cf, byte[] prefix, ReadOptions options) {
        List<KeyValue> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator(byCf.get(cf), options)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!Keys.startsWith(key, prefix)) {
                    break;
                }
                out.add(new KeyValue(key, it.value()));
            }
        }
        return out;
    }

    /** Entries of {@code cf} in key order from the first at or after {@code from}, at most {@code limit}. */
    List<KeyValue> scanFrom(Cf cf, byte[] from, int limit) {
        List<KeyValue> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator(byCf.get(cf))) {
            for (it.seek(from); it.isValid() && out.size() < limit; it.next()) {
                out.add(new KeyValue(it.key(), it.value()));
            }
        }
        return out;
    }

    void put(WriteBatch batch, Cf cf, byte[] key, byte[] value) {
        try {
            batch.put(byCf.get(cf), key, value);
        } catch (RocksDBException e) {
            throw new StateStorageException("batch put failed", e);
        }
    }

    void delete(WriteBatch batch, Cf cf, byte[] key) {
        try {
            batch.delete(byCf.get(cf), key);
        } catch (RocksDBException e) {
            throw new StateStorageException("batch delete failed", e);
        }
    }

    void write(WriteBatch batch) {
        try {
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new StateStorageException("write of a batch failed", e);
        }
    }

    Snapshot snapshot() {
        return db.getSnapshot();
    }

    void release(Snapshot snapshot) {
        db.releaseSnapshot(snapshot);
    }

    /** A consistent copy of the database in {@code dir} (which must not exist), hard-linked where possible. */
    void checkpoint(Path dir) {
        try (Checkpoint cp = Checkpoint.create(db)) {
            cp.createCheckpoint(dir.toString());
        } catch (RocksDBException e) {
            throw new StateStorageException("checkpoint to " + dir + " failed", e);
        }
    }

    /** Every entry of every column family, for content comparisons in tests and tools. */
    void forEach(java.util.function.BiConsumer<Cf, KeyValue> consumer) {
        for (Cf cf : Cf.values()) {
            try (RocksIterator it = db.newIterator(byCf.get(cf))) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    consumer.accept(cf, new KeyValue(it.key(), it.value()));
                }
            }
        }
    }

    @Override
    public void close() {
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        closeOptions();
    }

    private void closeOptions() {
        writeOptions.close();
        cfOptions.close();
        dbOptions.close();
        writeBufferManager.close();
        cache.close();
    }
}
