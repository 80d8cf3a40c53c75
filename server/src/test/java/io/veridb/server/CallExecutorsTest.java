package io.veridb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallExecutorsTest {

    @Test
    void listedCallsRunInlineAndBlockingCallsOnThePool() throws Exception {
        try (CallExecutors executors = new CallExecutors()) {
            assertThat(executors.getExecutor(call(ImmuServiceGrpc.getGetMethod()), new Metadata()))
                    .as("Get runs on the event loop").isNull();
            for (String inline : CallExecutors.INLINE) {
                assertThat(executors.getExecutor(call(method(inline)), new Metadata())).as(inline).isNull();
            }
            for (MethodDescriptor<?, ?> m : new MethodDescriptor<?, ?>[] {ImmuServiceGrpc.getOpenSessionMethod(),
                    ImmuServiceGrpc.getLoginMethod(), ImmuServiceGrpc.getStreamGetMethod(), DCBGrpc.getReadMethod(),
                    DCBGrpc.getSubscribeMethod()}) {
                ExecutorService pool = executors.getExecutor(call(m), new Metadata());
                assertThat(pool).as(m.getFullMethodName()).isNotNull();
                String thread = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), pool)
                        .get(30, TimeUnit.SECONDS);
                assertThat(thread).as(m.getFullMethodName()).startsWith("veridb-grpc-");
            }
        }
    }

    private static MethodDescriptor<Object, Object> method(String fullName) {
        MethodDescriptor.Marshaller<Object> none = new MethodDescriptor.Marshaller<>() {
            @Override
            public java.io.InputStream stream(Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Object parse(java.io.InputStream stream) {
                throw new UnsupportedOperationException();
            }
        };
        return MethodDescriptor.newBuilder(none, none).setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullName).build();
    }

    @Test
    void closeStopsThePool() {
        CallExecutors executors = new CallExecutors();
        ExecutorService pool = executors.getExecutor(call(ImmuServiceGrpc.getStreamSetMethod()), new Metadata());
        executors.close();
        assertThat(pool.isShutdown()).isTrue();
    }

    private static <Q, R> ServerCall<Q, R> call(MethodDescriptor<Q, R> method) {
        return new ServerCall<>() {
            @Override
            public void request(int numMessages) {}

            @Override
            public void sendHeaders(Metadata headers) {}

            @Override
            public void sendMessage(R message) {}

            @Override
            public void close(Status status, Metadata trailers) {}

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Attributes getAttributes() {
                return Attributes.EMPTY;
            }

            @Override
            public MethodDescriptor<Q, R> getMethodDescriptor() {
                return method;
            }
        };
    }
}
