package io.veridb.kv;

import io.veridb.ledger.KeyVersion;
import io.veridb.ledger.Tx;
import io.veridb.ledger.TxEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link StateView} over the committed ledger (reads). */
final class CommittedView implements StateView {

    private final LedgerAccess ledger;

    CommittedView(LedgerAccess ledger) {
        this.ledger = ledger;
    }

    @Override
    public long lastTxId() {
        return ledger.lastTxId();
    }

    @Override
    public Optional<Version> latest(byte[] storedKey) {
        return ledger.index().latest(storedKey).map(CommittedView::version);
    }

    @Override
    public byte[] value(Version version) {
        return ledger.value(version.txId(), version.entryIndex());
    }

    @Override
    public Optional<Stored> inTx(byte[] storedKey, long txId) {
        Tx tx = ledger.tx(txId);
        List<TxEntry> entries = tx.entries();
        for (int i = 0; i < entries.size(); i++) {
            TxEntry e = entries.get(i);
            if (Arrays.equals(e.key(), storedKey)) {
                return Optional.of(new Stored(e.metadata(), ledger.value(txId, i)));
            }
        }
        return Optional.empty();
    }

    static Version version(KeyVersion v) {
        return new Version(v.key(), v.txId(), v.entryIndex(), v.revision(), v.metadata());
    }
}
