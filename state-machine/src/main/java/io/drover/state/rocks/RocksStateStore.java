package io.drover.state.rocks;

import io.drover.proto.raft.WriteResult;
import io.drover.state.AppliedChanges;
import io.drover.state.StateChangeListener;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import io.drover.state.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated state, kept in RocksDB. One thread (the Raft apply thread) changes it through
 * {@link #apply}; each log entry (all the commands of a batched one) becomes one atomic batch
 * holding its data changes, the indexes of the tables it changed and the applied
 * term/index/command, so the database always knows exactly which commands it contains. Readers
 * get consistent snapshots of whole entries; blocking queries wait on table indexes, which move
 * only once every command of an entry is applied.
 */
public final class RocksStateStore implements StateStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RocksStateStore.class);

    /** How many log entries a request ID is remembered for, to answer a retried write. */
    static final long REQUEST_RETENTION_ENTRIES = 100_000;
    private static final long EXPIRY_EVERY = 1024;

    private final Path dir;
    private final StampedLock swapLock = new StampedLock();
    private final ExecutorService wakeExecutor;
    private final IndexWatchers watchers;
    private volatile RocksDatabase db;
    private volatile AppliedPosition applied;
    /** What readers see: the database as of the last published entry. Replaced under the read lease. */
    private volatile PublishedView view;
    /** Tables changed by the commands of the entry being applied, published when it is whole. Apply thread only. */
    private final Set<Table> unpublished = EnumSet.noneOf(Table.class);
    /** The changes of the entry being applied, written when it is whole (or when a range delete needs it). Apply thread only. */
    private WriteTxn entry;
    private long entryIndex;
    private final Set<Table> entryTouched = EnumSet.noneOf(Table.class);
    /** What the entry's commands changed, told to their listeners once it is written. */
    private final List<Untold> untold = new ArrayList<>();

    private record Untold(StateChangeListener listener, AppliedChanges changes) {
    }

    private RocksStateStore(Path dir) {
        this.dir = dir;
        this.wakeExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "state-watch-wake");
            t.setDaemon(true);
            return t;
        });
        this.watchers = new IndexWatchers(wakeExecutor);
        finishInterruptedSwap();
        this.db = new RocksDatabase(livePath());
        PeriodicIndex.buildIfMissing(db);
        loadPositions();
        this.view = PublishedView.of(db);
    }

    /** Opens (creating if needed) the state kept under {@code dir}. */
    public static RocksStateStore open(Path dir) {
        return new RocksStateStore(dir);
    }

    /**
     * The last command applied. The database holds it once its entry is published (or a later
     * entry starts); until then a restart applies the entry again from the Raft log.
     */
    public AppliedPosition applied() {
        return applied;
    }

    /**
     * Applies one command: the whole of log entry {@code index}, or its {@code sub}-th command
     * when the entry carries a batch. {@code change} makes the command's reads and writes
     * through the transaction and returns its result; a request ID seen before returns the
     * first result and changes nothing. An exception from {@code change} discards its writes
     * and yields an INTERNAL result, identically on every server, so the log can move on.
     */
    public WriteResult apply(long term, long index, int sub, long leaderTimeNanos, String requestId,
            Function<StateTxn, WriteResult> change) {
        return apply(term, index, sub, leaderTimeNanos, requestId, change, StateChangeListener.NONE);
    }

    /**
     * {@link #apply(long, long, int, long, String, Function)}, telling {@code listener} what the
     * command changed that the leader acts on once its batch is written. Commands that stored no
     * evaluation and freed no capacity, refused commands and retried requests tell nothing. A
     * failing listener is logged; the command stays applied. The command is taken as the whole
     * of its entry: its tables are published and their watchers woken at once.
     */
    public WriteResult apply(long term, long index, int sub, long leaderTimeNanos, String requestId,
            Function<StateTxn, WriteResult> change, StateChangeListener listener) {
        WriteResult result = applyUnpublished(term, index, sub, leaderTimeNanos, requestId, change, listener);
        publish(index);
        return result;
    }

    /**
     * Applies one command of entry {@code index} as {@link #apply(long, long, int, long, String,
     * Function, StateChangeListener)} does (the listener is told per command), but leaves the
     * tables it changed unpublished until {@link #publish} is called for the entry. Commands batched in one entry share its index, so
     * a watcher woken after the first of them would read, and answer with, that index while the
     * others are still to come; whoever then waits for a change above it would never see them.
     */
    public WriteResult applyUnpublished(long term, long index, int sub, long leaderTimeNanos, String requestId,
            Function<StateTxn, WriteResult> change, StateChangeListener listener) {
        if (applied.covers(index, sub)) {
            throw new IllegalStateException("command " + index + "/" + sub + " is already applied (at " + applied + ")");
        }
        if (entry != null && entryIndex != index) {
            commitEntry();
        }
        if (entry == null) {
            entry = new WriteTxn(db);
            entryIndex = index;
        }
        WriteResult result;
        StateTxn txn;
        try (WriteTxn raw = entry.child()) {
            txn = new StateTxn(raw, index, leaderTimeNanos);
            result = remembered(txn, requestId);
            if (result == null) {
                result = run(txn, change);
                if (!requestId.isEmpty()) {
                    txn.rememberRequest(requestId, result);
                }
            }
            if (sub == 0) {
                expireRequests(raw, index);
            }
            raw.mergeIntoParent();
        }
        applied = new AppliedPosition(term, index, sub);
        entryTouched.addAll(txn.touched());
        unpublished.addAll(txn.touched());
        if (!txn.changes().isEmpty()) {
            untold.add(new Untold(listener, txn.changes()));
        }
        if (entry.rangeDeleted()) {
            // The entry's next command must see the range gone: its reads go to the database.
            commitEntry();
        }
        return result;
    }

    /**
     * Writes the commands applied so far (all of one entry) in one batch with the indexes of the
     * tables they changed and the applied position, then tells their listeners. One RocksDB
     * write per entry, not per command: each write costs its WAL append and memtable inserts
     * whatever its size, and group commit puts tens of commands in an entry.
     */
    private void commitEntry() {
        if (entry == null) {
            return;
        }
        try (WriteTxn raw = entry) {
            entry = null;
            for (Table t : entryTouched) {
                raw.put(Cf.META, Schema.tableIndex(t), Keys.u64(entryIndex));
            }
            raw.put(Cf.META, Schema.APPLIED, applied.encode());
            raw.commit();
        }
        entryTouched.clear();
        List<Untold> told = new ArrayList<>(untold);
        untold.clear();
        for (Untold u : told) {
            tell(u.listener(), u.changes());
        }
    }

    private void discardEntry() {
        if (entry != null) {
            entry.close();
            entry = null;
            entryTouched.clear();
            untold.clear();
        }
    }

    /**
     * Every command of entry {@code index} is applied: its changes are written, the tables they
     * changed move to {@code index} for {@link #awaitIndexAbove} and {@link #publishedIndex}, and
     * their watchers are woken.
     */
    public void publish(long index) {
        commitEntry();
        long stamp = swapLock.readLock();
        try {
            // Readers first: a watcher woken below must find the entry in the reader it opens.
            PublishedView old = view;
            view = PublishedView.of(db);
            old.release();
        } finally {
            swapLock.unlockRead(stamp);
        }
        if (unpublished.isEmpty()) {
            return;
        }
        watchers.advanced(unpublished, index);
        unpublished.clear();
    }

    private static void tell(StateChangeListener listener, AppliedChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            listener.onApplied(changes);
        } catch (RuntimeException e) {
            LOG.error("state change listener failed at index {}", changes.index(), e);
        }
    }

    private static WriteResult remembered(StateTxn txn, String requestId) {
        return requestId.isEmpty() ? null : txn.requestResult(requestId).orElse(null);
    }

    private static WriteResult run(StateTxn txn, Function<StateTxn, WriteResult> change) {
        try {
            return change.apply(txn);
        } catch (StateStorageException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("applying log entry {} failed; it changes nothing", txn.index(), e);
            txn.discardChanges();
            return WriteResult.newBuilder()
                    .setCode(WriteResult.Code.INTERNAL)
                    .setError("internal error applying the write: " + e.getMessage())
                    .setIndex(txn.index())
                    .build();
        }
    }

    /**
     * Every {@link #EXPIRY_EVERY} entries, forgets the request IDs older than the retention: one
     * scan and one range delete, so expired keys leave range tombstones that later scans skip
     * cheaply. Decided by the index alone, so every server forgets the same IDs.
     */
    private void expireRequests(WriteTxn raw, long index) {
        long cutoff = index - REQUEST_RETENTION_ENTRIES;
        if (index % EXPIRY_EVERY != 0 || cutoff <= 0) {
            return;
        }
        byte[] end = Keys.u64(cutoff);
        for (KeyValue e : db.scanBelow(Cf.REQUEST_EXPIRY, end)) {
            raw.delete(Cf.REQUESTS, java.util.Arrays.copyOfRange(e.key(), 8, e.key().length));
        }
        raw.deleteRange(Cf.REQUEST_EXPIRY, Keys.u64(0), end);
    }

    @Override
    public StateReader reader() {
        long stamp = swapLock.readLock();
        try {
            PublishedView v = view;
            // Only publish swaps the view, and it releases the old one after: retry with the new.
            while (!v.retain()) {
                v = view;
            }
            PublishedView held = v;
            try {
                return new SnapshotReader(held, () -> {
                    held.release();
                    swapLock.unlockRead(stamp);
                });
            } catch (RuntimeException e) {
                held.release();
                throw e;
            }
        } catch (RuntimeException e) {
            swapLock.unlockRead(stamp);
            throw e;
        }
    }

    @Override
    public CompletableFuture<Void> awaitIndexAbove(Collection<Table> tables, long index) {
        return watchers.await(tables, index);
    }

    /** The current index of a table, without opening a reader. */
    public long tableIndex(Table table) {
        return watchers.index(table);
    }

    @Override
    public long publishedIndex(Table table) {
        return watchers.index(table);
    }

    /** Writes a consistent copy of the database to {@code target} (which must not exist). */
    public void checkpoint(Path target) {
        db.checkpoint(target);
    }

    /**
     * Replaces the whole state with the database copy in {@code checkpointDir} (an installed
     * snapshot). Waits for open readers to finish; watchers see the new indexes.
     */
    public void replaceWith(Path checkpointDir) {
        Path incoming = dir.resolve("db.incoming");
        try {
            deleteRecursively(incoming);
            Files.createDirectories(incoming);
            try (Stream<Path> files = Files.list(checkpointDir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".md5")) {
                        linkOrCopy(f, incoming.resolve(f.getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage snapshot " + checkpointDir, e);
        }
        long stamp = swapLock.writeLock();
        try {
            discardEntry();
            view.release();
            db.close();
            finishInterruptedSwap();
            db = new RocksDatabase(livePath());
            PeriodicIndex.buildIfMissing(db);
            unpublished.clear();
            view = PublishedView.of(db);
            loadPositions();
        } finally {
            swapLock.unlockWrite(stamp);
        }
        LOG.info("state replaced from snapshot {}: now at index {}", checkpointDir.getFileName(), applied.index());
    }

    /** A hash of every stored entry: equal on servers that applied the same log. */
    public String contentHash() {
        long stamp = swapLock.readLock();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            db.forEach((cf, kv) -> {
                md.update(cf.nameBytes());
                md.update(kv.key());
                md.update(kv.value());
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            swapLock.unlockRead(stamp);
        }
    }

    /**
     * How many entries each column family holds, by its name: for tests and diagnostics of what
     * storage keeps (a full scan, not for the hot path).
     */
    public Map<String, Long> entryCounts() {
        long stamp = swapLock.readLock();
        try {
            Map<String, Long> counts = new TreeMap<>();
            for (Cf cf : Cf.values()) {
                counts.put(cf.cfName(), 0L);
            }
            db.forEach((cf, kv) -> counts.merge(cf.cfName(), 1L, Long::sum));
            return counts;
        } finally {
            swapLock.unlockRead(stamp);
        }
    }

    @Override
    public void close() {
        long stamp = swapLock.writeLock();
        try {
            // An entry applied only in part was never acknowledged: Raft applies it again.
            discardEntry();
            view.release();
            db.close();
        } finally {
            swapLock.unlockWrite(stamp);
            wakeExecutor.shutdownNow();
        }
    }

    private Path livePath() {
        return dir.resolve("db");
    }

    private void loadPositions() {
        byte[] v = db.get(Cf.META, Schema.APPLIED, null);
        applied = v == null ? AppliedPosition.NONE : AppliedPosition.decode(v);
        watchers.reset(t -> {
            byte[] i = db.get(Cf.META, Schema.tableIndex(t), null);
            return i == null ? 0 : Keys.u64(i);
        });
    }

    /**
     * A swap is: move db.incoming over db. If the process died in between, db is missing and
     * db.incoming complete (it was fully written before the swap began), so finish the move.
     */
    private void finishInterruptedSwap() {
        Path incoming = dir.resolve("db.incoming");
        if (!Files.isDirectory(incoming)) {
            return;
        }
        try {
            Path old = dir.resolve("db.old");
            deleteRecursively(old);
            if (Files.exists(livePath())) {
                Files.move(livePath(), old);
            }
            Files.move(incoming, livePath(), StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot swap in the state database from " + incoming, e);
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            // Another file system, or no hard links: copy instead.
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path x : all) {
                Files.deleteIfExists(x);
            }
        }
    }
}
