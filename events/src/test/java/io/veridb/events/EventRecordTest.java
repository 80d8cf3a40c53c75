package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRecordTest {
    private static final String UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8";

    @Test
    void roundTripsEveryFieldKeepingTagOrderAndDuplicates() {
        DcbEvent event = new DcbEvent("OrderPlaced", List.of("b", "a", "b"), bytes("payload"), UUID,
                List.of(new MetadataEntry("k1", "v1"), new MetadataEntry("k0", "")));
        EventRecord record = EventRecord.parse(EventRecord.encode(event, new TrackingInfo("src", 42)));

        assertThat(record.event()).isEqualTo(event);
        assertThat(record.tracking()).isEqualTo(new TrackingInfo("src", 42));
        assertThat(record.type()).isEqualTo("OrderPlaced");
        assertThat(record.keys()).isEqualTo(new EventKeys("OrderPlaced", List.of("b", "a", "b"), UUID));
    }

    @Test
    void emptyEventEncodesToTwoBytesAndNoTracking() {
        byte[] bytes = EventRecord.encode(DcbEvent.of("", List.of(), new byte[0]), null);
        assertThat(bytes).containsExactly(1, 0);
        EventRecord record = EventRecord.parse(bytes);
        assertThat(record.tracking()).isNull();
        assertThat(record.trackingBytes()).isNull();
        assertThat(record.event()).isEqualTo(DcbEvent.of("", List.of(), new byte[0]));
    }

    @Test
    void emptyTrackingInfoIsStillPresent() {
        EventRecord record = EventRecord.parse(EventRecord.encode(DcbEvent.of("t", List.of(), new byte[0]),
                new TrackingInfo("", 0)));
        assertThat(record.tracking()).isEqualTo(new TrackingInfo("", 0));
        assertThat(record.trackingBytes().remaining()).isZero();
    }

    @Test
    void eventPartIsTheCanonicalProtobufEncoding() {
        DcbEvent event = DcbEvent.of("T", List.of("x"), bytes("d"));
        ByteBuffer eventBytes = EventRecord.parse(EventRecord.encode(event, null)).eventBytes();
        byte[] actual = new byte[eventBytes.remaining()];
        eventBytes.get(actual);
        // field 1 "T", field 2 "x", field 3 "d"
        assertThat(actual).containsExactly(0x0A, 1, 'T', 0x12, 1, 'x', 0x1A, 1, 'd');
        assertThat(EventRecord.eventSize(event)).isEqualTo(actual.length);
    }

    @Test
    void trackingPositionUsesAllSixtyFourBits() {
        TrackingInfo max = new TrackingInfo("s", -1L);
        EventRecord record = EventRecord.parse(EventRecord.encode(DcbEvent.of("", List.of(), new byte[0]), max));
        assertThat(record.tracking()).isEqualTo(max);
        assertThat(record.tracking().positionText()).isEqualTo("18446744073709551615");
    }

    @Test
    void eventSizeMatchesEncodingForMultiByteText() {
        DcbEvent event = new DcbEvent("Ünïcödé", List.of("tag:ß", ""), new byte[300], null,
                List.of(new MetadataEntry("ключ", "значение")));
        byte[] encoded = EventRecord.encode(event, null);
        assertThat(EventRecord.eventSize(event)).isEqualTo(encoded.length - 2);
        assertThat(EventRecord.parse(encoded).event()).isEqualTo(event);
    }

    @Test
    void rejectsUnknownVersionAndFlags() {
        assertThatThrownBy(() -> EventRecord.parse(new byte[] {2, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event record version 2, want 1");
        assertThatThrownBy(() -> EventRecord.parse(new byte[] {1, 4}))
                .hasMessage("event record flags 4, want 0 or 1");
        assertThatThrownBy(() -> EventRecord.parse(new byte[0])).hasMessageContaining("missing");
    }

    @Test
    void rejectsTruncatedFields() {
        byte[] good = EventRecord.encode(DcbEvent.of("Type", List.of("tag"), bytes("data")), null);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 2);
        EventRecord record = EventRecord.parse(truncated);
        assertThatThrownBy(record::event).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds remaining");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
