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
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB instance with Drover's column families. Memory is bounded on purpose (one
 * shared block cache, small memtables capped together) so a server's footprint stays small.
 *
 * <p>Every batch goes to RocksDB's write-ahead log, unsynced: the Raft log is the durable record,
 * but without the WAL a killed process (kill -9, the OOM killer) came back with only what its
 * memtables had flushed, often nothing, and answered reads from that older state until Ratis
 * had replayed the log, which needs a leader. With it, what the process applied survives the
 * process; only a host crash can lose the unsynced tail, which Ratis replays. Column families
 * are flushed together (atomic flush), so the database always holds the state after some
 * applied entry, with that entry's position recorded in it. Closing flushes everything.
 */
final class RocksDatabase implements AutoCloseable {
    static {
        RocksNative.load();
    }

    private static final long BLOCK_CACHE_BYTES = 24L << 20;
    // Larger memtables mean fewer flushes and less compaction, which under write load cost more
    // CPU than the apply itself; the write-buffer manager caps them all together.
    private static final long WRITE_BUFFER_BYTES = 8L << 20;
    private static final long ALL_MEMTABLES_BYTES = 32L << 20;

    private final Path path;
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Map<Cf, ColumnFamilyHandle> byCf = new EnumMap<>(Cf.class);
    private final DecodedNodes decodedNodes = new DecodedNodes();

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
                .setMaxManifestFileSize(4L << 20)
                .setAtomicFlush(true);
        cfOptions = new ColumnFamilyOptions()
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                // Job JSON compresses well; LZ4 is the cheapest codec to run on every flush and compaction.
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setMaxBytesForLevelBase(64L << 20)
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
        byte[] end = Keys.successor(prefix);
        // An upper bound lets RocksDB skip files and stop at the prefix's end instead of the next key.
        try (Slice upper = end == null ? null : new Slice(end);
                ReadOptions bounded = bounded(options, upper);
                RocksIterator it = db.newIterator(byCf.get(cf), bounded)) {
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

    private static ReadOptions bounded(ReadOptions base, Slice upper) {
        ReadOptions o = new ReadOptions();
        if (base != null && base.snapshot() != null) {
            o.setSnapshot(base.snapshot());
        }
        if (upper != null) {
            o.setIterateUpperBound(upper);
        }
        return o;
    }

    /** Every entry of {@code cf} whose key sorts below {@code end}. */
    List<KeyValue> scanBelow(Cf cf, byte[] end) {
        List<KeyValue> out = new ArrayList<>();
        try (Slice upper = new Slice(end);
                ReadOptions bounded = new ReadOptions().setIterateUpperBound(upper);
                RocksIterator it = db.newIterator(byCf.get(cf), bounded)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                out.add(new KeyValue(it.key(), it.value()));
            }
        }
        return out;
    }

    void deleteRange(WriteBatch batch, Cf cf, byte[] from, byte[] to) {
        try {
            batch.deleteRange(byCf.get(cf), from, to);
        } catch (RocksDBException e) {
            throw new StateStorageException("batch range delete failed", e);
        }
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

    /** Writes every memtable to disk (all column families at once). */
    void flush() {
        try (FlushOptions o = new FlushOptions().setWaitForFlush(true)) {
            db.flush(o, handles);
        } catch (RocksDBException e) {
            throw new StateStorageException("flush failed", e);
        }
    }

    /** The nodes its readers decoded, by stored bytes (see {@link DecodedNodes}). */
    DecodedNodes decodedNodes() {
        return decodedNodes;
    }

    @Override
    public void close() {
        flush();
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
