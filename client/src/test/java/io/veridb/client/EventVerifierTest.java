package io.veridb.client;

import static io.veridb.client.FakeChain.bs;
import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.client.FakeChain.Stored;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.KvMetadata;
import io.veridb.protocol.immudb.InclusionProof;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.SequencedEvent;
import io.veridb.protocol.umadb.v1.TrackingInfo;
import io.veridb.protocol.veridb.v1.EventProof;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventVerifierTest {

    private static final KvMetadata NON_INDEXABLE = new KvMetadata(false, OptionalLong.empty(), true);

    private FakeChain chain;

    private static Event event(int i) {
        return Event.newBuilder().setEventType("T" + i).addTags("t").setData(bs(new byte[] {(byte) i})).build();
    }

    private static byte[] key(long position) {
        return ByteBuffer.allocate(10).put((byte) 4).put((byte) 'E').putLong(position).array();
    }

    private static byte[] record(Event e, TrackingInfo tracking) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(tracking == null ? 0 : 1);
        if (tracking != null) {
            byte[] t = tracking.toByteArray();
            out.write(t.length);
            out.writeBytes(t);
        }
        out.writeBytes(e.toByteArray());
        return out.toByteArray();
    }

    /** Events 1..4 in txs 1..4 (event 3 with tracking info), each next to an unrelated entry. */
    @BeforeEach
    void ledgerOfFourEvents() {
        chain = new FakeChain("dcbdb", 1);
        for (int i = 1; i <= 4; i++) {
            chain.commit(Stored.plain("x" + i, "y"),
                    new Stored(key(i), NON_INDEXABLE, record(event(i), i == 3 ? tracking() : null)));
        }
    }

    private static TrackingInfo tracking() {
        return TrackingInfo.newBuilder().setSource("up").setPosition(9).build();
    }

    private EventProof proof(long position, long proveSinceTx) {
        long v = position;
        long cur = chain.lastTxId();
        long s = proveSinceTx == 0 ? v : Math.min(proveSinceTx, v);
        long t = proveSinceTx == 0 ? cur : Math.max(proveSinceTx, v);
        var ip = EntriesTree.proof(chain.digests(chain.entries(v)), 1);
        SequencedEvent.Builder ev = SequencedEvent.newBuilder().setPosition(position).setEvent(event((int) position));
        if (position == 3) {
            ev.setTrackingInfo(tracking());
        }
        return EventProof.newBuilder()
                .setEvent(ev)
                .setTxHeader(FakeChain.proto(chain.header(v)))
                .setEntryIndex(1)
                .setEntryKey(bs(key(position)))
                .setEntryValue(bs(chain.entries(v).get(1).value()))
                .setEntryMetadata(KVMetadata.newBuilder().setNonIndexable(true))
                .setInclusionProof(InclusionProof.newBuilder().setLeaf(ip.leaf()).setWidth(ip.width())
                        .addAllTerms(FakeChain.bsList(ip.terms())))
                .setDualProof(FakeChain.proto(DualProofs.build(chain::header, chain.tree, s, t)))
                .setState(chain.state())
                .build();
    }

    @Test
    void firstProofTrustsTheCurrentStateThenMovesForwardOnly() {
        EventVerifier.Verified first = EventVerifier.verify(DatabaseState.empty("dcbdb"), proof(2, 0), 2);
        assertThat(first.state()).isEqualTo(chain.trusted(4));
        assertThat(first.event().getEvent().getEventType()).isEqualTo("T2");
        EventVerifier.Verified older = EventVerifier.verify(chain.trusted(4), proof(3, 4), 3);
        assertThat(older.state()).isEqualTo(chain.trusted(4));
        assertThat(older.event().getTrackingInfo().getSource()).isEqualTo("up");
        EventVerifier.Verified newer = EventVerifier.verify(chain.trusted(1), proof(4, 1), 4);
        assertThat(newer.state()).isEqualTo(chain.trusted(4));
    }

    @Test
    void anEventOtherThanTheLedgerRecordIsRejected() {
        EventProof honest = proof(2, 4);
        EventProof lie = honest.toBuilder().setEvent(honest.getEvent().toBuilder()
                .setEvent(honest.getEvent().getEvent().toBuilder().setEventType("Forged"))).build();
        assertThat(KvVerifierTest.catchVerification(() -> EventVerifier.verify(chain.trusted(4), lie, 2)).check())
                .isEqualTo("verifiedEvent 2: event equals ledger record");
        EventProof noTracking = proof(3, 4).toBuilder()
                .setEvent(proof(3, 4).getEvent().toBuilder().clearTrackingInfo()).build();
        assertThat(KvVerifierTest.catchVerification(() -> EventVerifier.verify(chain.trusted(4), noTracking, 3))
                .check()).isEqualTo("verifiedEvent 3: tracking info equals ledger record");
    }

    @Test
    void aRecordNotInTheTransactionIsRejected() {
        Event forged = event(2).toBuilder().setEventType("Forged").build();
        EventProof lie = proof(2, 4).toBuilder().setEntryValue(bs(record(forged, null)))
                .setEvent(proof(2, 4).getEvent().toBuilder().setEvent(forged)).build();
        assertThat(KvVerifierTest.catchVerification(() -> EventVerifier.verify(chain.trusted(4), lie, 2)).check())
                .startsWith("verifiedEvent 2: entries inclusion");
        EventProof otherKey = proof(2, 4).toBuilder().setEntryKey(bs(key(3))).build();
        assertThat(KvVerifierTest.catchVerification(() -> EventVerifier.verify(chain.trusted(4), otherKey, 2))
                .check()).isEqualTo("verifiedEvent 2: entry key");
        EventProof wrongPosition = proof(2, 4);
        assertThat(KvVerifierTest.catchVerification(() -> EventVerifier.verify(chain.trusted(4), wrongPosition,
                3)).check()).isEqualTo("verifiedEvent 3: event position");
    }

    @Test
    void aForkedHistoryIsRejected() {
        DatabaseState forked = new DatabaseState("dcbdb", 1, chain.header(2).alh(), new byte[0]);
        assertThat(KvVerifierTest.catchVerification(() -> EventVerifier.verify(forked, proof(4, 1), 4)).check())
                .isEqualTo("verifiedEvent 4: dual proof (1 -> 4): Alh(source header)");
    }
}
