package io.veridb.server.dcb;

import static io.veridb.server.dcb.DcbMessages.append;
import static io.veridb.server.dcb.DcbMessages.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.veridb.ledger.EntrySpec;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.veridb.v1.EventProof;
import io.veridb.protocol.veridb.v1.EventProofsGrpc;
import io.veridb.protocol.veridb.v1.EventStateRequest;
import io.veridb.protocol.veridb.v1.ProveEventRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventProofsTest {
    @TempDir
    Path dir;

    DcbTestServer server;
    EventProofsGrpc.EventProofsBlockingStub proofs;

    @BeforeEach
    void start() throws Exception {
        server = new DcbTestServer(dir, null);
        proofs = EventProofsGrpc.newBlockingStub(server.channel);
        server.dcb().append(append(event("A", "x"), event("B", "y"), event("C")));
        server.ledger.commit(List.of(new EntrySpec(new byte[] {0, 'k'}, new byte[] {0, 'v'}))).join();
        server.dcb().append(append(event("D", "x")));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private EventProof prove(long position, long since) {
        return proofs.proveEvent(ProveEventRequest.newBuilder().setPosition(position).setProveSinceTx(since).build());
    }

    @Test
    void everyEventVerifiesAgainstTheCurrentState() {
        for (long position = 1; position <= 4; position++) {
            EventProof p = prove(position, 0);
            assertThat(EventProofVerifier.verify(p, position, 0, null).isOk()).as("position %d", position).isTrue();
        }
        EventProof last = prove(4, 0);
        assertThat(last.getTxHeader().getId()).isEqualTo(3);
        assertThat(last.getEvent().getEvent().getEventType()).isEqualTo("D");
        assertThat(last.getEntryMetadata().getNonIndexable()).isTrue();
    }

    @Test
    void verifiesAgainstAnOlderAndANewerTrustedState() {
        ImmutableState early = proofs.currentState(EventStateRequest.getDefaultInstance());
        assertThat(early.getTxId()).isEqualTo(3);
        server.dcb().append(append(event("E")));
        server.dcb().append(append(event("F")));
        EventProof newer = prove(6, early.getTxId());
        assertThat(EventProofVerifier.verify(newer, 6, early.getTxId(), early.getTxHash().toByteArray()).isOk())
                .isTrue();
        ImmutableState late = proofs.currentState(EventStateRequest.getDefaultInstance());
        EventProof older = prove(2, late.getTxId());
        assertThat(EventProofVerifier.verify(older, 2, late.getTxId(), late.getTxHash().toByteArray()).isOk())
                .isTrue();
    }

    @Test
    void tamperedValueFailsVerification() {
        EventProof p = prove(2, 0);
        byte[] value = p.getEntryValue().toByteArray();
        value[value.length - 1] ^= 1;
        EventProof tampered = p.toBuilder().setEntryValue(ByteString.copyFrom(value)).build();
        assertThat(EventProofVerifier.verify(tampered, 2, 0, null).isOk()).isFalse();
    }

    @Test
    void tamperedEventOrWrongPositionFails() {
        EventProof p = prove(2, 0);
        EventProof otherEvent = p.toBuilder().setEvent(p.getEvent().toBuilder()
                .setEvent(p.getEvent().getEvent().toBuilder().setEventType("Z"))).build();
        assertThat(EventProofVerifier.verify(otherEvent, 2, 0, null).isOk()).isFalse();
        assertThat(EventProofVerifier.verify(p, 3, 0, null).isOk()).isFalse();
    }

    @Test
    void tamperedHeaderOrDualProofFails() {
        EventProof p = prove(1, 0);
        byte[] eh = p.getTxHeader().getEH().toByteArray();
        eh[0] ^= 1;
        EventProof badHeader = p.toBuilder().setTxHeader(p.getTxHeader().toBuilder().setEH(ByteString.copyFrom(eh)))
                .build();
        assertThat(EventProofVerifier.verify(badHeader, 1, 0, null).isOk()).isFalse();
        var linear = p.getDualProof().getLinearProof();
        byte[] term = linear.getTerms(linear.getTermsCount() - 1).toByteArray();
        term[5] ^= 1;
        EventProof badDual = p.toBuilder().setDualProof(p.getDualProof().toBuilder().setLinearProof(
                linear.toBuilder().setTerms(linear.getTermsCount() - 1, ByteString.copyFrom(term)))).build();
        assertThat(EventProofVerifier.verify(badDual, 1, 0, null).isOk()).isFalse();
    }

    @Test
    void wrongTrustedAlhFails() {
        ImmutableState state = proofs.currentState(EventStateRequest.getDefaultInstance());
        byte[] alh = state.getTxHash().toByteArray();
        alh[0] ^= 1;
        assertThat(EventProofVerifier.verify(prove(1, state.getTxId()), 1, state.getTxId(), alh).isOk()).isFalse();
    }

    @Test
    void positionBeyondHeadOrFutureStateIsInvalidArgument() {
        assertThatThrownBy(() -> prove(5, 0)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription())
                    .isEqualTo("invalid argument: position 5 is not an event: the head is 4");
        });
        assertThatThrownBy(() -> prove(1, 99)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getDescription()).isEqualTo(
                        "invalid argument: prove_since_tx 99 is beyond the last transaction 3"));
    }
}
