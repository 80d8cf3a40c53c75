package io.veridb.cli.audit;

import io.veridb.client.DatabaseState;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.Verification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-derives a run of transactions from their bytes, one at a time, starting at an audited state: every
 * transaction must be the next id, link to the previous Alh, have as many entries as its header says, and its
 * entries must rebuild its eH; every value returned must hash to the committed {@code hValue} and have the
 * committed length. {@link #finish} then requires the last Alh to be the server's current state. Pure; not
 * thread-safe.
 */
final class ChainCheck {

    private long lastId;
    private byte[] lastAlh;
    private long txs;
    private long values;
    private long valuesUnavailable;

    /** Starts after {@code from} (use {@link DatabaseState#empty} to start at the genesis). */
    ChainCheck(DatabaseState from) {
        this.lastId = from.txId();
        this.lastAlh = from.alh();
    }

    /** Checks the next transaction; on failure the check stops advancing. */
    Verification accept(AuditTx tx) {
        TxHeader h = tx.header();
        String where = "tx " + h.id();
        if (h.id() != lastId + 1) {
            return Verification.failure("tx id after " + lastId, lastId + 1, h.id());
        }
        if (!Arrays.equals(h.prevAlh(), lastAlh)) {
            return Verification.failure(where + ": prevAlh (Alh of tx " + lastId + ")", lastAlh, h.prevAlh());
        }
        if (tx.entries().size() != h.nentries()) {
            return Verification.failure(where + ": number of entries", h.nentries(), tx.entries().size());
        }
        List<byte[]> digests = new ArrayList<>(tx.entries().size());
        for (int i = 0; i < tx.entries().size(); i++) {
            AuditEntry e = tx.entries().get(i);
            Verification v = checkValue(where + ": entry " + i, e);
            if (!v.isOk()) {
                return v;
            }
            try {
                digests.add(EntryDigest.of(h.version(), e.key(), e.metadata(), e.hValue()));
            } catch (IllegalArgumentException ex) {
                return Verification.failure(where + ": entry " + i + " digest", "a valid entry", ex.getMessage());
            }
        }
        byte[] eH = EntriesTree.root(digests);
        if (!Arrays.equals(eH, h.eH())) {
            return Verification.failure(where + ": eH rebuilt from the entries", h.eH(), eH);
        }
        lastId = h.id();
        lastAlh = h.alh();
        txs++;
        return Verification.ok();
    }

    private Verification checkValue(String where, AuditEntry e) {
        if (e.value().isEmpty()) {
            valuesUnavailable++;
            return Verification.ok();
        }
        byte[] value = e.value().get();
        if (value.length != e.vLen()) {
            return Verification.failure(where + ": value length", e.vLen(), value.length);
        }
        byte[] h = Hashes.sha256(value);
        if (!Arrays.equals(h, e.hValue())) {
            return Verification.failure(where + ": SHA-256 of the value", e.hValue(), h);
        }
        values++;
        return Verification.ok();
    }

    /** Requires the run to end exactly at {@code to}. */
    Verification finish(DatabaseState to) {
        if (lastId != to.txId()) {
            return Verification.failure("last audited tx", to.txId(), lastId);
        }
        return Verification.equalHashes("Alh of tx " + lastId + " vs the server's current state", to.alh(),
                lastAlh);
    }

    long txs() {
        return txs;
    }

    long values() {
        return values;
    }

    long valuesUnavailable() {
        return valuesUnavailable;
    }
}
