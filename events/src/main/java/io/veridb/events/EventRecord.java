package io.veridb.events;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stored form of one event: the value of its ledger entry. This class owns the format.
 *
 * <pre>
 * record   := version:u8 (= 1) flags:u8 [trackingLen:varint tracking] event
 * flags    := bit 0 set when tracking is present; other bits zero
 * tracking := protobuf umadb.v1.TrackingInfo  [0x0A len source] [0x10 varint position]
 * event    := protobuf umadb.v1.Event         [0x0A len type] (0x12 len tag)* [0x1A len data]
 *                                             [0x22 len uuid] (0x2A len (0x0A len key) (0x12 len value))*
 * </pre>
 *
 * <p>Both parts are canonical proto3 encodings (empty strings and zero numbers omitted, fields in number order),
 * so the server can splice {@code event} and {@code tracking} into response messages without re-encoding. The
 * uuid is stored normalised (36 lowercase characters). There is no checksum: the ledger stores {@code H(value)}
 * in the entry digest and checks it on every read.
 */
public final class EventRecord {
    static final byte VERSION = 1;
    private static final int FLAG_TRACKING = 1;

    private final byte[] bytes;
    private final int trackingStart;
    private final int trackingEnd;
    private final int eventStart;

    private EventRecord(byte[] bytes, int trackingStart, int trackingEnd, int eventStart) {
        this.bytes = bytes;
        this.trackingStart = trackingStart;
        this.trackingEnd = trackingEnd;
        this.eventStart = eventStart;
    }

    /** The size of the {@code event} part for this event, in bytes (what {@link EventLimits} bounds). */
    public static int eventSize(DcbEvent event) {
        int size = 0;
        if (!event.type().isEmpty()) {
            size += ProtoWire.lenFieldSize(EventLimits.utf8Length(event.type()));
        }
        for (String tag : event.tags()) {
            size += ProtoWire.lenFieldSize(EventLimits.utf8Length(tag));
        }
        int dataLength = event.dataUnshared().length;
        if (dataLength > 0) {
            size += ProtoWire.lenFieldSize(dataLength);
        }
        if (event.uuid() != null) {
            size += ProtoWire.lenFieldSize(36);
        }
        for (MetadataEntry entry : event.metadata()) {
            size += ProtoWire.lenFieldSize(metadataEntrySize(entry));
        }
        return size;
    }

    /** Encodes an event and the tracking info of its request (null for none). */
    public static byte[] encode(DcbEvent event, TrackingInfo tracking) {
        byte[] trackingBytes = tracking == null ? null : encodeTracking(tracking);
        List<byte[]> parts = eventParts(event);
        int eventLength = 0;
        for (int i = 0; i < parts.size(); i += 2) {
            eventLength += ProtoWire.lenFieldSize(parts.get(i + 1).length);
        }
        int total = 2 + eventLength;
        if (trackingBytes != null) {
            total += ProtoWire.varintSize(trackingBytes.length) + trackingBytes.length;
        }
        byte[] out = new byte[total];
        out[0] = VERSION;
        int at = 2;
        if (trackingBytes != null) {
            out[1] = FLAG_TRACKING;
            at = ProtoWire.writeVarint(out, at, trackingBytes.length);
            System.arraycopy(trackingBytes, 0, out, at, trackingBytes.length);
            at += trackingBytes.length;
        }
        for (int i = 0; i < parts.size(); i += 2) {
            at = ProtoWire.writeLenField(out, at, parts.get(i)[0], parts.get(i + 1));
        }
        if (at != total) {
            throw new IllegalStateException("encoded " + at + " bytes, computed " + total);
        }
        return out;
    }

    /**
     * Parses the framing of a stored record (not the event fields, which are read on demand).
     *
     * @throws IllegalArgumentException if the bytes are not a version-1 record
     */
    public static EventRecord parse(byte[] record) {
        if (record.length < 2 || record[0] != VERSION) {
            throw new IllegalArgumentException("event record version "
                    + (record.length == 0 ? "missing" : Integer.toString(record[0])) + ", want " + VERSION);
        }
        int flags = record[1];
        if ((flags & ~FLAG_TRACKING) != 0) {
            throw new IllegalArgumentException("event record flags " + flags + ", want 0 or " + FLAG_TRACKING);
        }
        if ((flags & FLAG_TRACKING) == 0) {
            return new EventRecord(record, -1, -1, 2);
        }
        ProtoWire.Reader reader = new ProtoWire.Reader(record, 2, record.length);
        int start = reader.lengthDelimited();
        return new EventRecord(record, start, reader.position(), reader.position());
    }

    /** The protobuf {@code umadb.v1.Event} bytes, read-only. */
    public ByteBuffer eventBytes() {
        return ByteBuffer.wrap(bytes, eventStart, bytes.length - eventStart).slice().asReadOnlyBuffer();
    }

    /** The protobuf {@code umadb.v1.TrackingInfo} bytes, read-only, or null when the request had none. */
    public ByteBuffer trackingBytes() {
        if (trackingStart < 0) {
            return null;
        }
        return ByteBuffer.wrap(bytes, trackingStart, trackingEnd - trackingStart).slice().asReadOnlyBuffer();
    }

    /** Length of the {@code event} part (the protobuf Event bytes). */
    public int eventLength() {
        return bytes.length - eventStart;
    }

    /** Copies the protobuf Event bytes into {@code out} at {@code at}; returns the offset after them. */
    public int copyEvent(byte[] out, int at) {
        int n = bytes.length - eventStart;
        System.arraycopy(bytes, eventStart, out, at, n);
        return at + n;
    }

    /** Length of the protobuf TrackingInfo bytes, or -1 when the request had no tracking info. */
    public int trackingLength() {
        return trackingStart < 0 ? -1 : trackingEnd - trackingStart;
    }

    /** Copies the protobuf TrackingInfo bytes (see {@link #trackingLength()}) into {@code out} at {@code at}. */
    public int copyTracking(byte[] out, int at) {
        int n = trackingEnd - trackingStart;
        System.arraycopy(bytes, trackingStart, out, at, n);
        return at + n;
    }

    /** The stored size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** The whole record as stored (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public TrackingInfo tracking() {
        if (trackingStart < 0) {
            return null;
        }
        ProtoWire.Reader reader = new ProtoWire.Reader(bytes, trackingStart, trackingEnd);
        String source = "";
        long position = 0;
        while (reader.hasMore()) {
            long key = reader.varint();
            if (key == (1 << 3 | ProtoWire.LEN)) {
                source = reader.string(reader.lengthDelimited());
            } else if (key == (2 << 3 | ProtoWire.VARINT)) {
                position = reader.varint();
            } else {
                throw new IllegalArgumentException("unexpected tracking field key " + key);
            }
        }
        return new TrackingInfo(source, position);
    }

    /** The event type, decoded from the stored bytes. */
    public String type() {
        ProtoWire.Reader reader = new ProtoWire.Reader(bytes, eventStart, bytes.length);
        if (reader.hasMore() && reader.varint() == (1 << 3 | ProtoWire.LEN)) {
            return reader.string(reader.lengthDelimited());
        }
        return "";
    }

    /** The event fields decoded in full. */
    public DcbEvent event() {
        String type = "";
        List<String> tags = new ArrayList<>();
        byte[] data = new byte[0];
        String uuid = null;
        List<MetadataEntry> metadata = new ArrayList<>();
        ProtoWire.Reader reader = new ProtoWire.Reader(bytes, eventStart, bytes.length);
        while (reader.hasMore()) {
            int field = fieldOf(reader.varint());
            int start = reader.lengthDelimited();
            switch (field) {
                case 1 -> type = reader.string(start);
                case 2 -> tags.add(reader.string(start));
                case 3 -> data = Arrays.copyOfRange(bytes, start, reader.position());
                case 4 -> uuid = reader.string(start);
                case 5 -> metadata.add(metadataEntry(start, reader.position()));
                default -> throw new IllegalArgumentException("unexpected event field " + field);
            }
        }
        return new DcbEvent(type, tags, data, uuid, metadata);
    }

    /** Type and tags only (what query matching needs), decoded without copying the data. */
    public EventKeys keys() {
        String type = "";
        List<String> tags = new ArrayList<>(4);
        String uuid = null;
        ProtoWire.Reader reader = new ProtoWire.Reader(bytes, eventStart, bytes.length);
        while (reader.hasMore()) {
            int field = fieldOf(reader.varint());
            int start = reader.lengthDelimited();
            if (field == 1) {
                type = reader.string(start);
            } else if (field == 2) {
                tags.add(reader.string(start));
            } else if (field == 4) {
                uuid = reader.string(start);
            }
        }
        return new EventKeys(type, tags, uuid);
    }

    private MetadataEntry metadataEntry(int from, int to) {
        ProtoWire.Reader reader = new ProtoWire.Reader(bytes, from, to);
        String key = "";
        String value = "";
        while (reader.hasMore()) {
            int field = fieldOf(reader.varint());
            int start = reader.lengthDelimited();
            if (field == 1) {
                key = reader.string(start);
            } else if (field == 2) {
                value = reader.string(start);
            } else {
                throw new IllegalArgumentException("unexpected metadata field " + field);
            }
        }
        return new MetadataEntry(key, value);
    }

    private static int fieldOf(long key) {
        if ((key & 7) != ProtoWire.LEN) {
            throw new IllegalArgumentException("unexpected wire type " + (key & 7) + " in event, want 2");
        }
        return (int) (key >>> 3);
    }

    private static byte[] encodeTracking(TrackingInfo tracking) {
        byte[] source = ProtoWire.utf8(tracking.source());
        int size = (source.length > 0 ? ProtoWire.lenFieldSize(source.length) : 0)
                + (tracking.position() != 0 ? 1 + ProtoWire.varintSize(tracking.position()) : 0);
        byte[] out = new byte[size];
        int at = 0;
        if (source.length > 0) {
            at = ProtoWire.writeLenField(out, at, 1, source);
        }
        if (tracking.position() != 0) {
            out[at++] = (byte) (2 << 3 | ProtoWire.VARINT);
            ProtoWire.writeVarint(out, at, tracking.position());
        }
        return out;
    }

    /** Alternating (field number as a 1-byte array, payload) pairs, canonical order, empty fields omitted. */
    private static List<byte[]> eventParts(DcbEvent event) {
        List<byte[]> parts = new ArrayList<>(4 + 2 * event.tags().size());
        if (!event.type().isEmpty()) {
            add(parts, 1, ProtoWire.utf8(event.type()));
        }
        for (String tag : event.tags()) {
            add(parts, 2, ProtoWire.utf8(tag));
        }
        byte[] data = event.dataUnshared();
        if (data.length > 0) {
            add(parts, 3, data);
        }
        if (event.uuid() != null) {
            add(parts, 4, ProtoWire.utf8(event.uuid()));
        }
        for (MetadataEntry entry : event.metadata()) {
            add(parts, 5, encodeMetadataEntry(entry));
        }
        return parts;
    }

    private static void add(List<byte[]> parts, int field, byte[] payload) {
        parts.add(new byte[] {(byte) field});
        parts.add(payload);
    }

    private static int metadataEntrySize(MetadataEntry entry) {
        int keyBytes = EventLimits.utf8Length(entry.key());
        int valueBytes = EventLimits.utf8Length(entry.value());
        return (keyBytes > 0 ? ProtoWire.lenFieldSize(keyBytes) : 0)
                + (valueBytes > 0 ? ProtoWire.lenFieldSize(valueBytes) : 0);
    }

    private static byte[] encodeMetadataEntry(MetadataEntry entry) {
        byte[] key = ProtoWire.utf8(entry.key());
        byte[] value = ProtoWire.utf8(entry.value());
        byte[] out = new byte[metadataEntrySize(entry)];
        int at = 0;
        if (key.length > 0) {
            at = ProtoWire.writeLenField(out, at, 1, key);
        }
        if (value.length > 0) {
            ProtoWire.writeLenField(out, at, 2, value);
        }
        return out;
    }
}
