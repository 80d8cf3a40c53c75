package io.veridb.server.dcb;

import com.google.protobuf.CodedOutputStream;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A response message already encoded as protobuf bytes (Read and Subscribe responses are spliced from stored
 * event records, see {@link ResponseEncoder}). The marshaller only streams; the server never parses these.
 */
final class EncodedMessage {
    static final MethodDescriptor.Marshaller<EncodedMessage> MARSHALLER = new Marshaller();

    private final byte[] bytes;
    private final int eventCount;

    /** Takes ownership of {@code bytes}. */
    EncodedMessage(byte[] bytes, int eventCount) {
        this.bytes = bytes;
        this.eventCount = eventCount;
    }

    int size() {
        return bytes.length;
    }

    int eventCount() {
        return eventCount;
    }

    /** A copy of the bytes, for tests. */
    byte[] toByteArray() {
        return bytes.clone();
    }

    private static final class Marshaller implements MethodDescriptor.Marshaller<EncodedMessage> {
        @Override
        public InputStream stream(EncodedMessage value) {
            return new Stream(value.bytes);
        }

        @Override
        public EncodedMessage parse(InputStream stream) {
            try {
                return new EncodedMessage(stream.readAllBytes(), -1);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read encoded message", e);
            }
        }
    }

    /** Lets gRPC copy the array straight into its frame buffer. */
    private static final class Stream extends ByteArrayInputStream implements KnownLength, Drainable {
        Stream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int n = count - pos;
            target.write(buf, pos, n);
            pos = count;
            return n;
        }
    }

    static int varintSize(long value) {
        return CodedOutputStream.computeUInt64SizeNoTag(value);
    }
}
