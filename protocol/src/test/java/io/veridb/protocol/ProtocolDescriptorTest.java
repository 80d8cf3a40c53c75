package io.veridb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServiceDescriptor;
import io.veridb.protocol.immudb.Chunk;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.DualProof;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.Precondition;
import io.veridb.protocol.immudb.SQLExecResult;
import io.veridb.protocol.immudb.SQLValue;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.TxMetadata;
import io.veridb.protocol.immudb.User;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.umadb.legacy.UmaDBServiceGrpc;
import io.veridb.protocol.umadb.v1.AppendResponse;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.ErrorResponse;
import io.veridb.protocol.umadb.v1.HeadResponse;
import io.veridb.protocol.umadb.v1.ReadRequest;
import io.veridb.protocol.umadb.v1.SequencedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProtocolDescriptorTest {

    private static Map<Integer, String> fields(Descriptor d) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (FieldDescriptor f : d.getFields()) {
            m.put(f.getNumber(), f.getName() + ":" + f.getType());
        }
        return m;
    }

    @Test
    void txHeaderHasFieldsOneToNineWithWireTypes() {
        assertThat(fields(TxHeader.getDescriptor()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        1, "id:" + Type.UINT64,
                        2, "prevAlh:" + Type.BYTES,
                        3, "ts:" + Type.INT64,
                        4, "nentries:" + Type.INT32,
                        5, "eH:" + Type.BYTES,
                        6, "blTxId:" + Type.UINT64,
                        7, "blRoot:" + Type.BYTES,
                        8, "version:" + Type.INT32,
                        9, "metadata:" + Type.MESSAGE));
    }

    @Test
    void dualProofHasFieldsOneToEight() {
        assertThat(fields(DualProof.getDescriptor()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        1, "sourceTxHeader:" + Type.MESSAGE,
                        2, "targetTxHeader:" + Type.MESSAGE,
                        3, "inclusionProof:" + Type.BYTES,
                        4, "consistencyProof:" + Type.BYTES,
                        5, "targetBlTxAlh:" + Type.BYTES,
                        6, "lastInclusionProof:" + Type.BYTES,
                        7, "linearProof:" + Type.MESSAGE,
                        8, "LinearAdvanceProof:" + Type.MESSAGE));
        assertThat(DualProof.getDescriptor().findFieldByNumber(3).isRepeated()).isTrue();
    }

    @Test
    void verifiableEntryAndImmutableStateNumbers() {
        assertThat(fields(VerifiableEntry.getDescriptor()))
                .containsExactly(
                        Map.entry(1, "entry:" + Type.MESSAGE),
                        Map.entry(2, "verifiableTx:" + Type.MESSAGE),
                        Map.entry(3, "inclusionProof:" + Type.MESSAGE));
        assertThat(fields(ImmutableState.getDescriptor()))
                .containsExactly(
                        Map.entry(1, "db:" + Type.STRING),
                        Map.entry(2, "txId:" + Type.UINT64),
                        Map.entry(3, "txHash:" + Type.BYTES),
                        Map.entry(4, "signature:" + Type.MESSAGE),
                        Map.entry(5, "precommittedTxId:" + Type.UINT64),
                        Map.entry(6, "precommittedTxHash:" + Type.BYTES));
    }

    @Test
    void irregularNumberingIsPreserved() {
        assertThat(User.getDescriptor().findFieldByNumber(2)).isNull();
        assertThat(User.getDescriptor().findFieldByName("permissions").getNumber()).isEqualTo(3);
        assertThat(DatabaseNullableSettings.getDescriptor().getFields().get(0).getNumber())
                .isEqualTo(2);
        assertThat(DatabaseNullableSettings.getDescriptor().findFieldByNumber(31).getName())
                .isEqualTo("preallocFiles");
        assertThat(fields(SQLExecResult.getDescriptor()).keySet()).containsExactly(5, 6);
        assertThat(Chunk.getDescriptor().findFieldByNumber(2).isMapField()).isTrue();
        assertThat(Precondition.getDescriptor().getOneofs()).hasSize(1);
        assertThat(SQLValue.getDescriptor().getOneofs().get(0).getFieldCount()).isEqualTo(7);
    }

    @Test
    void immudbMessagesRoundTrip() throws InvalidProtocolBufferException {
        TxHeader h = TxHeader.newBuilder()
                .setId(7)
                .setPrevAlh(ByteString.copyFrom(new byte[32]))
                .setTs(1_700_000_000L)
                .setNentries(2)
                .setVersion(1)
                .setMetadata(TxMetadata.newBuilder().setTruncatedTxID(3))
                .build();
        assertThat(TxHeader.parseFrom(h.toByteArray())).isEqualTo(h);

        Precondition p = Precondition.newBuilder()
                .setKeyNotModifiedAfterTX(Precondition.KeyNotModifiedAfterTXPrecondition.newBuilder()
                        .setKey(ByteString.copyFromUtf8("k"))
                        .setTxID(5))
                .build();
        Precondition back = Precondition.parseFrom(p.toByteArray());
        assertThat(back.getPreconditionCase())
                .isEqualTo(Precondition.PreconditionCase.KEYNOTMODIFIEDAFTERTX);
        assertThat(back.getKeyNotModifiedAfterTX().getTxID()).isEqualTo(5);

        Chunk c = Chunk.newBuilder()
                .setContent(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 42}))
                .putMetadata("m", ByteString.copyFromUtf8("v"))
                .build();
        assertThat(Chunk.parseFrom(c.toByteArray())).isEqualTo(c);
    }

    @Test
    void umadbOptionalFieldsHavePresence() throws InvalidProtocolBufferException {
        Descriptor read = ReadRequest.getDescriptor();
        for (String name : new String[] {"query", "start", "backwards", "limit", "subscribe", "batch_size"}) {
            assertThat(read.findFieldByName(name).hasPresence()).as(name).isTrue();
        }
        assertThat(read.findFieldByName("subscribe").getOptions().getDeprecated()).isTrue();
        assertThat(AppendResponse.getDescriptor().findFieldByName("position").hasPresence())
                .isFalse();
        assertThat(HeadResponse.getDescriptor().findFieldByName("position").hasPresence())
                .isTrue();
        assertThat(SequencedEvent.getDescriptor().findFieldByNumber(3).hasPresence()).isTrue();

        ReadRequest zeroStart = ReadRequest.newBuilder().setStart(0).setLimit(0).build();
        ReadRequest parsed = ReadRequest.parseFrom(zeroStart.toByteArray());
        assertThat(parsed.hasStart()).isTrue();
        assertThat(parsed.hasLimit()).isTrue();
        assertThat(parsed.hasBackwards()).isFalse();
        assertThat(HeadResponse.parseFrom(HeadResponse.getDefaultInstance().toByteArray()).hasPosition())
                .isFalse();

        ErrorResponse e = ErrorResponse.newBuilder()
                .setMessage("integrity error: condition failed")
                .setErrorType(ErrorResponse.ErrorType.INTEGRITY)
                .build();
        assertThat(ErrorResponse.parseFrom(e.toByteArray()).getErrorTypeValue()).isEqualTo(2);
        assertThat(ErrorResponse.ErrorType.INVALID_ARGUMENT.getNumber()).isEqualTo(6);
    }

    @Test
    void immuServiceHasCaseSensitiveNamesAndStreamingKinds() {
        Map<String, MethodType> kinds = methodKinds(ImmuServiceGrpc.getServiceDescriptor());
        assertThat(ImmuServiceGrpc.SERVICE_NAME).isEqualTo("immudb.schema.ImmuService");
        assertThat(kinds)
                .containsEntry("streamGet", MethodType.SERVER_STREAMING)
                .containsEntry("streamSet", MethodType.CLIENT_STREAMING)
                .containsEntry("streamVerifiableGet", MethodType.SERVER_STREAMING)
                .containsEntry("streamVerifiableSet", MethodType.CLIENT_STREAMING)
                .containsEntry("streamScan", MethodType.SERVER_STREAMING)
                .containsEntry("streamZScan", MethodType.SERVER_STREAMING)
                .containsEntry("streamHistory", MethodType.SERVER_STREAMING)
                .containsEntry("streamExecAll", MethodType.CLIENT_STREAMING)
                .containsEntry("exportTx", MethodType.SERVER_STREAMING)
                .containsEntry("replicateTx", MethodType.CLIENT_STREAMING)
                .containsEntry("streamExportTx", MethodType.BIDI_STREAMING)
                .containsEntry("SQLQuery", MethodType.SERVER_STREAMING)
                .containsEntry("TxSQLQuery", MethodType.SERVER_STREAMING)
                .containsEntry("UnarySQLQuery", MethodType.UNARY)
                .containsEntry("VerifiableGet", MethodType.UNARY)
                .containsEntry("ChangeSQLPrivileges", MethodType.UNARY)
                .containsEntry("TruncateDatabase", MethodType.UNARY)
                .doesNotContainKey("StreamGet");
        assertThat(kinds).hasSize(74);
        assertThat(ImmuServiceGrpc.getStreamGetMethod().getFullMethodName())
                .isEqualTo("immudb.schema.ImmuService/streamGet");
    }

    @Test
    void dcbServicesHaveTheirMethods() {
        assertThat(methodKinds(DCBGrpc.getServiceDescriptor()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Read", MethodType.SERVER_STREAMING,
                        "Subscribe", MethodType.SERVER_STREAMING,
                        "Append", MethodType.UNARY,
                        "Head", MethodType.UNARY,
                        "GetTrackingInfo", MethodType.UNARY));
        assertThat(DCBGrpc.SERVICE_NAME).isEqualTo("umadb.v1.DCB");
        assertThat(UmaDBServiceGrpc.SERVICE_NAME).isEqualTo("umadb.UmaDBService");
        assertThat(methodKinds(UmaDBServiceGrpc.getServiceDescriptor()))
                .containsOnlyKeys("Read", "Append", "Head");
    }

    private static Map<String, MethodType> methodKinds(ServiceDescriptor service) {
        return service.getMethods().stream()
                .collect(Collectors.toMap(MethodDescriptor::getBareMethodName, MethodDescriptor::getType));
    }
}
