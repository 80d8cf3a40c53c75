package io.veridb.server.dcb;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.AppendResponse;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.HeadResponse;
import io.veridb.protocol.umadb.v1.ReadRequest;
import io.veridb.protocol.umadb.v1.SubscribeRequest;

/**
 * Builds the gRPC service definitions: {@code umadb.v1.DCB} and the legacy {@code umadb.UmaDBService} (Read,
 * Append, Head) bound to the same handlers. Read and Subscribe responses use {@link EncodedMessage}'s
 * pass-through marshaller because they are spliced from stored bytes.
 */
final class DcbServiceDefinitions {
    static final String V1 = "umadb.v1.DCB";
    static final String LEGACY = "umadb.UmaDBService";

    private DcbServiceDefinitions() {}

    static ServerServiceDefinition v1(DcbHandlers handlers) {
        MethodDescriptor<ReadRequest, EncodedMessage> read = DCBGrpc.getReadMethod().toBuilder(
                ProtoUtils.marshaller(ReadRequest.getDefaultInstance()), EncodedMessage.MARSHALLER).build();
        MethodDescriptor<SubscribeRequest, EncodedMessage> subscribe = DCBGrpc.getSubscribeMethod().toBuilder(
                ProtoUtils.marshaller(SubscribeRequest.getDefaultInstance()), EncodedMessage.MARSHALLER).build();
        return ServerServiceDefinition.builder(V1)
                .addMethod(read, ServerCalls.asyncServerStreamingCall((q, r) -> handlers.read(q, r, false)))
                .addMethod(subscribe, HeadersFirst.wrap(ServerCalls.asyncServerStreamingCall(handlers::subscribe)))
                .addMethod(DCBGrpc.getAppendMethod(), ServerCalls.asyncUnaryCall(handlers::append))
                .addMethod(DCBGrpc.getHeadMethod(), ServerCalls.asyncUnaryCall(handlers::head))
                .addMethod(DCBGrpc.getGetTrackingInfoMethod(), ServerCalls.asyncUnaryCall(handlers::trackingInfo))
                .build();
    }

    /** The pre-0.1.28 service name; its messages are field-compatible subsets of v1's. */
    static ServerServiceDefinition legacy(DcbHandlers handlers) {
        return ServerServiceDefinition.builder(LEGACY)
                .addMethod(legacyMethod("Read", MethodDescriptor.MethodType.SERVER_STREAMING,
                                ReadRequest.getDefaultInstance(), EncodedMessage.MARSHALLER),
                        ServerCalls.asyncServerStreamingCall((q, r) -> handlers.read(q, r, true)))
                .addMethod(legacyMethod("Append", MethodDescriptor.MethodType.UNARY,
                                AppendRequest.getDefaultInstance(),
                                ProtoUtils.marshaller(AppendResponse.getDefaultInstance())),
                        ServerCalls.asyncUnaryCall(handlers::append))
                .addMethod(legacyMethod("Head", MethodDescriptor.MethodType.UNARY,
                                HeadRequest.getDefaultInstance(),
                                ProtoUtils.marshaller(HeadResponse.getDefaultInstance())),
                        ServerCalls.asyncUnaryCall(handlers::head))
                .build();
    }

    private static <Q extends Message, R> MethodDescriptor<Q, R> legacyMethod(String name,
            MethodDescriptor.MethodType type, Q requestPrototype, MethodDescriptor.Marshaller<R> responses) {
        return MethodDescriptor.<Q, R>newBuilder(ProtoUtils.marshaller(requestPrototype), responses)
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(LEGACY, name))
                .build();
    }
}
