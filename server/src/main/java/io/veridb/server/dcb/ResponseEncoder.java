package io.veridb.server.dcb;

import io.veridb.events.EventRecord;

/**
 * Builds {@code ReadResponse}/{@code SubscribeResponse} bytes by splicing stored event records, which hold the
 * canonical protobuf encodings of {@code Event} and {@code TrackingInfo} (see {@link EventRecord}):
 *
 * <pre>
 * response       := (0x0A len sequencedEvent)* [0x10 varint head]      (head only in ReadResponse)
 * sequencedEvent := 0x08 varint position  0x12 len event  [0x1A len trackingInfo]
 * </pre>
 *
 * Not thread-safe; one per stream. Messages are cut by count and by {@link #MAX_MESSAGE_BYTES}.
 */
final class ResponseEncoder {
    /** Every message stays below gRPC's default 4 MiB receive limit with room for framing. */
    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024 - 16 * 1024;
    private static final int HEAD_ROOM = 11;

    private byte[] buffer = new byte[64 * 1024];
    private int size;
    private int events;
    private long lastPosition;

    /** Whether an event of {@code recordSize} stored bytes fits without passing the byte budget. */
    boolean fits(int recordSize) {
        return events == 0 || size + recordSize + 32 + HEAD_ROOM <= MAX_MESSAGE_BYTES;
    }

    int events() {
        return events;
    }

    long lastPosition() {
        return lastPosition;
    }

    void add(long position, EventRecord record) {
        int eventLength = record.eventLength();
        int trackingLength = record.trackingLength();
        int inner = 1 + EncodedMessage.varintSize(position) + 1 + EncodedMessage.varintSize(eventLength)
                + eventLength;
        if (trackingLength >= 0) {
            inner += 1 + EncodedMessage.varintSize(trackingLength) + trackingLength;
        }
        ensure(1 + EncodedMessage.varintSize(inner) + inner);
        byte[] b = buffer;
        int at = size;
        b[at++] = 0x0A;
        at = writeVarint(at, inner);
        b[at++] = 0x08;
        at = writeVarint(at, position);
        b[at++] = 0x12;
        at = writeVarint(at, eventLength);
        at = record.copyEvent(b, at);
        if (trackingLength >= 0) {
            b[at++] = 0x1A;
            at = writeVarint(at, trackingLength);
            at = record.copyTracking(b, at);
        }
        size = at;
        events++;
        lastPosition = position;
    }

    /** Finishes the message, appending {@code head} (field 2) when {@code head >= 0}, and resets. */
    EncodedMessage finish(long head) {
        if (head >= 0) {
            ensure(HEAD_ROOM);
            buffer[size++] = 0x10;
            size = writeVarint(size, head);
        }
        byte[] out = new byte[size];
        System.arraycopy(buffer, 0, out, 0, size);
        EncodedMessage message = new EncodedMessage(out, events);
        size = 0;
        events = 0;
        if (buffer.length > 1024 * 1024) {
            buffer = new byte[64 * 1024];
        }
        return message;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            byte[] bigger = new byte[Math.max(buffer.length * 2, size + more)];
            System.arraycopy(buffer, 0, bigger, 0, size);
            buffer = bigger;
        }
    }

    private int writeVarint(int at, long value) {
        while ((value & ~0x7FL) != 0) {
            buffer[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[at++] = (byte) value;
        return at;
    }
}
