package io.veridb.server.immu;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.veridb.protocol.immudb.DeleteKeysRequest;
import io.veridb.protocol.immudb.ExecAllRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.Op;
import io.veridb.protocol.immudb.Precondition;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unary writes run without a waiting thread (validated on the event loop, answered when the commit future
 * completes; {@link DataCalls#unaryAsync}). These tests prove the replies, the errors, the request accounting and
 * that a reply is only sent for a durable transaction, over a real server and real channels.
 */
class AsyncWritesTest {
    @TempDir
    Path dir;

    @Test
    void everyUnaryWriteRepliesWithTheTransactionItCommitted() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            long set = s.set(set("k", "v1")).getId();
            long vset = s.verifiableSet(VerifiableSetRequest.newBuilder().setSetRequest(set("k", "v2"))
                    .setProveSinceTx(set).build()).getTx().getHeader().getId();
            long ref = s.setReference(ReferenceRequest.newBuilder().setKey(bytes("r"))
                    .setReferencedKey(bytes("k")).build()).getId();
            long vref = s.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                    .setReferenceRequest(ReferenceRequest.newBuilder().setKey(bytes("r2")).setReferencedKey(bytes("k")))
                    .setProveSinceTx(1).build()).getTx().getHeader().getId();
            long zadd = s.zAdd(ZAddRequest.newBuilder().setSet(bytes("z")).setKey(bytes("k")).setScore(1).build())
                    .getId();
            long vzadd = s.verifiableZAdd(VerifiableZAddRequest.newBuilder().setZAddRequest(ZAddRequest.newBuilder()
                    .setSet(bytes("z")).setKey(bytes("k")).setScore(2)).build()).getTx().getHeader().getId();
            long exec = s.execAll(ExecAllRequest.newBuilder().addOperations(Op.newBuilder()
                    .setKv(KeyValue.newBuilder().setKey(bytes("e")).setValue(bytes("x")))).build()).getId();
            long delete = s.delete(DeleteKeysRequest.newBuilder().addKeys(bytes("e")).build()).getId();

            assertThat(List.of(set, vset, ref, vref, zadd, vzadd, exec, delete))
                    .as("one transaction each, in call order").isSorted().doesNotHaveDuplicates();
            assertThat(s.currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(delete);
            assertThat(s.get(get("k")).getValue().toStringUtf8()).isEqualTo("v2");
            assertThat(s.get(get("r")).getReferencedBy().getTx()).isEqualTo(ref);
            assertFails(() -> s.get(get("e")), Code.UNKNOWN, "tbtree: key not found");
        }
    }

    @Test
    void aFailedPreconditionAnswersImmudbsCodeAndMessageAndWritesNothing() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            long first = s.set(set("k", "v")).getId();
            SetRequest guarded = SetRequest.newBuilder().addKVs(KeyValue.newBuilder().setKey(bytes("k"))
                            .setValue(bytes("other")))
                    .addPreconditions(Precondition.newBuilder().setKeyMustNotExist(
                            Precondition.KeyMustNotExistPrecondition.newBuilder().setKey(bytes("k"))))
                    .build();
            assertFails(() -> s.set(guarded), Code.FAILED_PRECONDITION,
                    "precondition failed: key already exists: key=6b");
            assertFails(() -> s.verifiableSet(VerifiableSetRequest.newBuilder().setSetRequest(guarded).build()),
                    Code.FAILED_PRECONDITION, "precondition failed: key already exists: key=6b");
            assertFails(() -> s.delete(DeleteKeysRequest.newBuilder().addKeys(bytes("missing")).build()),
                    Code.UNKNOWN, "tbtree: key not found");
            assertFails(() -> s.set(SetRequest.getDefaultInstance()), Code.UNKNOWN, "no entries provided");
            assertThat(s.currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(first);
            assertThat(s.get(get("k")).getValue().toStringUtf8()).isEqualTo("v");
        }
    }

    @Test
    void concurrentWritesAllGetTheirOwnReplyAndLeaveNothingPending() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            String session = t.openSession("immudb", "immudb", "defaultdb");
            ImmuServiceGrpc.ImmuServiceFutureStub async = t.futureWithSession(session);
            List<ListenableFuture<TxHeader>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(async.set(set("c" + i, "v" + i)));
            }
            Set<Long> ids = new HashSet<>();
            for (ListenableFuture<TxHeader> c : calls) {
                ids.add(c.get(30, TimeUnit.SECONDS).getId());
            }
            assertThat(ids).as("distinct transactions").hasSize(200);
            assertThat(s.databaseHealth(Empty.getDefaultInstance()).getPendingRequests())
                    .as("DatabaseHealth: every write counted as finished").isZero();
            for (int i = 0; i < 200; i += 37) {
                assertThat(s.get(get("c" + i)).getValue().toStringUtf8()).isEqualTo("v" + i);
            }
            // a read, too, counts as finished before its reply is sent (DataCalls.unary)
            assertThat(s.databaseHealth(Empty.getDefaultInstance()).getPendingRequests())
                    .as("DatabaseHealth: every answered Get counted as finished").isZero();
        }
    }

    @Test
    void writesInFlightWhenTheirSessionClosesEitherCommitOrAreRefused() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            String session = t.openSession("immudb", "immudb", "defaultdb");
            ImmuServiceGrpc.ImmuServiceFutureStub async = t.futureWithSession(session);
            List<ListenableFuture<TxHeader>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(async.set(set("s" + i, "v")));
                if (i == 50) {
                    // The first write is answered before the close is sent, so at least one commits; the calls
                    // still in flight race the close and may go either way.
                    calls.get(0).get(30, TimeUnit.SECONDS);
                    t.withSession(session).closeSession(Empty.getDefaultInstance());
                }
            }
            // Every reply first, then DatabaseHealth, then the reads: a write counts as finished before its reply
            // is sent, but a Get only after (DataCalls.unary), so a Get just answered could still be pending.
            List<Long> txs = new ArrayList<>(); // null where the write was refused
            for (ListenableFuture<TxHeader> c : calls) {
                try {
                    txs.add(c.get(30, TimeUnit.SECONDS).getId());
                } catch (ExecutionException e) {
                    Status st = ((StatusRuntimeException) e.getCause()).getStatus();
                    assertThat(st.getCode()).isEqualTo(Code.PERMISSION_DENIED);
                    assertThat(st.getDescription()).isEqualTo("session not found");
                    txs.add(null);
                }
            }
            ImmuServiceBlockingStub admin = t.admin();
            assertThat(admin.databaseHealth(Empty.getDefaultInstance()).getPendingRequests()).isZero();
            int committed = 0;
            for (int i = 0; i < txs.size(); i++) {
                String key = "s" + i;
                if (txs.get(i) != null) {
                    assertThat(admin.get(get(key)).getTx()).as("acknowledged write %d is readable", i)
                            .isEqualTo(txs.get(i));
                    committed++;
                } else {
                    assertFails(() -> admin.get(get(key)), Code.UNKNOWN, "tbtree: key not found");
                }
            }
            assertThat(committed).as("writes answered before the close").isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void anAcknowledgedWriteSurvivesARestart() throws Exception {
        List<Long> acknowledged = new ArrayList<>();
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceGrpc.ImmuServiceFutureStub async = t.futureWithSession(t.openSession("immudb", "immudb",
                    "defaultdb"));
            List<ListenableFuture<TxHeader>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(async.set(set("d" + i, "v" + i)));
            }
            for (ListenableFuture<TxHeader> c : calls) {
                acknowledged.add(c.get(30, TimeUnit.SECONDS).getId());
            }
        }
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            for (int i = 0; i < 50; i++) {
                assertThat(s.get(get("d" + i)).getTx()).isEqualTo(acknowledged.get(i));
            }
        }
    }
}
