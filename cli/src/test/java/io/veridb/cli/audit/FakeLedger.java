package io.veridb.cli.audit;

import io.veridb.client.DatabaseState;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.MemoryTree;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.proofs.Verification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One database of an honest in-memory server built from the proofs module (blTxId = id − 1), implementing
 * {@link AuditSource}, with switches that make it lie the ways a tampered server would.
 */
final class FakeLedger implements AuditSource {

    final String db;
    final String uuid;
    private final MemoryTree tree = new MemoryTree();
    private final List<TxHeader> headers = new ArrayList<>();
    private final List<List<AuditEntry>> txs = new ArrayList<>();
    private final Map<Long, byte[]> servedValues = new HashMap<>();
    private DatabaseState claimed;
    int txReads;
    int proofs;

    FakeLedger(String db, String uuid) {
        this.db = db;
        this.uuid = uuid;
    }

    /** Commits one transaction of plain key/value entries ({@code k1, v1, k2, v2, ...}). */
    TxHeader commit(String... kvs) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < kvs.length; i += 2) {
            byte[] key = prefixed(kvs[i]);
            byte[] value = prefixed(kvs[i + 1]);
            entries.add(new AuditEntry(key, KvMetadata.NONE, Hashes.sha256(value), value.length,
                    Optional.of(value)));
        }
        return commit(entries);
    }

    TxHeader commit(List<AuditEntry> entries) {
        long id = headers.size() + 1;
        List<byte[]> digests = new ArrayList<>();
        for (AuditEntry e : entries) {
            digests.add(EntryDigest.of(1, e.key(), e.metadata(), e.hValue()));
        }
        TxHeader h = new TxHeader(id, id == 1 ? Hashes.empty() : header(id - 1).alh(), 1_700_000_000L + id, 1,
                TxMetadata.EMPTY, entries.size(), EntriesTree.root(digests), id - 1,
                id == 1 ? Hashes.zero() : tree.root());
        headers.add(h);
        txs.add(List.copyOf(entries));
        tree.append(h.alh());
        claimed = null;
        return h;
    }

    TxHeader header(long id) {
        return headers.get((int) id - 1);
    }

    /** The server will serve {@code value} as the stored value of entry 0 of {@code txId}. */
    void serveValue(long txId, byte[] value) {
        servedValues.put(txId, value);
    }

    /** The server will claim {@code state} as its current state. */
    void claim(DatabaseState state) {
        claimed = state;
    }

    /** The honest current state. */
    DatabaseState honestState() {
        long last = headers.size();
        return last == 0 ? DatabaseState.empty(db)
                : new DatabaseState(db, last, header(last).alh(), new byte[0]);
    }

    private static byte[] prefixed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    @Override
    public String serverUuid() {
        return uuid;
    }

    @Override
    public List<String> databases() {
        return List.of(db);
    }

    @Override
    public DatabaseState currentState(String database) {
        return claimed != null ? claimed : honestState();
    }

    @Override
    public Verification proveExtends(String database, DatabaseState trusted, DatabaseState current) {
        proofs++;
        DualProof p = DualProofs.build(this::header, tree, trusted.txId(), current.txId());
        return DualProofs.verify(p, trusted.txId(), current.txId(), trusted.alh(), current.alh());
    }

    @Override
    public AuditTx tx(String database, long txId) {
        txReads++;
        List<AuditEntry> entries = new ArrayList<>(txs.get((int) txId - 1));
        byte[] forged = servedValues.get(txId);
        if (forged != null) {
            AuditEntry e = entries.get(0);
            entries.set(0, new AuditEntry(e.key(), e.metadata(), e.hValue(), e.vLen(), Optional.of(forged)));
        }
        return new AuditTx(header(txId), entries);
    }
}
