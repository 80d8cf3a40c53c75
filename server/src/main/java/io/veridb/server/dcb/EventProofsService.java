package io.veridb.server.dcb;

import io.veridb.server.proto.ProofMessages;
import io.grpc.stub.StreamObserver;
import io.veridb.events.DcbException;
import io.veridb.events.EventLocation;
import io.veridb.events.EventStore;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerState;
import io.veridb.ledger.Tx;
import io.veridb.ledger.TxEntry;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.SequencedEvent;
import io.veridb.protocol.umadb.v1.TrackingInfo;
import io.veridb.protocol.veridb.v1.EventProof;
import io.veridb.protocol.veridb.v1.EventProofsGrpc;
import io.veridb.protocol.veridb.v1.EventStateRequest;
import io.veridb.protocol.veridb.v1.ProveEventRequest;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * veridb.v1.EventProofs: for an event position, the event, its ledger transaction header, the entry with its
 * inclusion proof in that transaction, and a dual proof linking that transaction to the caller's trusted state
 * (oriented as immudb's VerifiableTxById), plus the current state.
 */
final class EventProofsService extends EventProofsGrpc.EventProofsImplBase {
    private final Ledger ledger;
    private final EventStore store;
    private final String database;

    EventProofsService(Ledger ledger, EventStore store, String database) {
        this.ledger = ledger;
        this.store = store;
        this.database = database;
    }

    @Override
    public void proveEvent(ProveEventRequest request, StreamObserver<EventProof> responses) {
        try {
            responses.onNext(prove(request.getPosition(), request.getProveSinceTx()));
            responses.onCompleted();
        } catch (IOException e) {
            responses.onError(DcbStatus.of(DcbException.corruption(e.getMessage(), e)));
        } catch (RuntimeException e) {
            responses.onError(DcbStatus.of(e));
        }
    }

    @Override
    public void currentState(EventStateRequest request, StreamObserver<ImmutableState> responses) {
        responses.onNext(state(ledger.state()));
        responses.onCompleted();
    }

    private EventProof prove(long position, long proveSinceTx) throws IOException {
        long head = store.head();
        if (position < 1 || Long.compareUnsigned(position, head) > 0) {
            throw DcbException.invalidArgument("position " + Long.toUnsignedString(position)
                    + " is not an event: the head is " + head);
        }
        LedgerState current = ledger.state();
        if (Long.compareUnsigned(proveSinceTx, current.txId()) > 0) {
            throw DcbException.invalidArgument("prove_since_tx " + Long.toUnsignedString(proveSinceTx)
                    + " is beyond the last transaction " + current.txId());
        }
        EventLocation at = store.locate(position);
        Tx tx = ledger.tx(at.txId());
        TxEntry entry = tx.entries().get(at.entryIndex());
        byte[] value = ledger.value(at.txId(), at.entryIndex());
        long v = at.txId();
        long source;
        long target;
        if (proveSinceTx == 0) {
            source = v;
            target = current.txId();
        } else if (proveSinceTx <= v) {
            source = proveSinceTx;
            target = v;
        } else {
            source = v;
            target = proveSinceTx;
        }
        return EventProof.newBuilder()
                .setEvent(sequencedEvent(position))
                .setTxHeader(ProofMessages.header(tx.header()))
                .setEntryIndex(at.entryIndex())
                .setEntryKey(ProofMessages.bytes(entry.key()))
                .setEntryValue(ProofMessages.bytes(value))
                .setEntryMetadata(ProofMessages.metadata(entry.metadata()))
                .setInclusionProof(ProofMessages.inclusionProof(ledger.entryInclusionProof(v, at.entryIndex())))
                .setDualProof(ProofMessages.dualProof(ledger.dualProof(source, target)))
                .setState(state(current))
                .build();
    }

    private SequencedEvent sequencedEvent(long position) throws IOException {
        var record = store.event(position).record();
        SequencedEvent.Builder b = SequencedEvent.newBuilder()
                .setPosition(position)
                .setEvent(Event.parseFrom(record.eventBytes()));
        ByteBuffer tracking = record.trackingBytes();
        if (tracking != null) {
            b.setTrackingInfo(TrackingInfo.parseFrom(tracking));
        }
        return b.build();
    }

    private ImmutableState state(LedgerState s) {
        return ImmutableState.newBuilder()
                .setDb(database)
                .setTxId(s.txId())
                .setTxHash(ProofMessages.bytes(s.alh()))
                .build();
    }
}
