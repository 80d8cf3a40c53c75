package io.veridb.kv;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.PendingTx;
import io.veridb.ledger.PendingView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link StateView} inside a transaction preparer: committed state plus the transactions accepted earlier in the
 * same batch, whose values are read from their entry specs. Valid only during one {@code prepare} call.
 */
final class PendingState implements StateView {

    private final PendingView view;
    private final LedgerAccess ledger;

    PendingState(PendingView view, LedgerAccess ledger) {
        this.view = view;
        this.ledger = ledger;
    }

    /** The id the transaction being prepared will get. */
    long nextTxId() {
        return view.nextTxId();
    }

    @Override
    public long lastTxId() {
        return view.nextTxId() - 1;
    }

    @Override
    public Optional<Version> latest(byte[] storedKey) {
        return view.latest(storedKey).map(CommittedView::version);
    }

    @Override
    public byte[] value(Version version) {
        Optional<PendingTx> pending = pending(version.txId());
        if (pending.isPresent()) {
            return pending.get().entries().get(version.entryIndex()).value();
        }
        return ledger.value(version.txId(), version.entryIndex());
    }

    @Override
    public Optional<Stored> inTx(byte[] storedKey, long txId) {
        Optional<PendingTx> pending = pending(txId);
        if (pending.isEmpty()) {
            return new CommittedView(ledger).inTx(storedKey, txId);
        }
        List<EntrySpec> entries = pending.get().entries();
        for (EntrySpec e : entries) {
            if (Arrays.equals(e.key(), storedKey)) {
                return Optional.of(new Stored(e.metadata(), e.value()));
            }
        }
        return Optional.empty();
    }

    private Optional<PendingTx> pending(long txId) {
        for (PendingTx p : view.pendingTxs()) {
            if (p.txId() == txId) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
