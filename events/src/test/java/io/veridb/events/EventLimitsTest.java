package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLimitsTest {
    @Test
    void acceptsAnOrdinaryEvent() {
        DcbEvent event = DcbEvent.of("T", List.of("a"), new byte[10]);
        assertThat(EventLimits.check(event, 0, EventRecord.eventSize(event))).isNull();
    }

    @Test
    void tooManyTagsUsesUmaDbsText() {
        DcbEvent event = DcbEvent.of("T", Collections.nCopies(70_000, "t"), new byte[0]);
        assertThat(EventLimits.check(event, 0, EventRecord.eventSize(event)))
                .hasMessage("invalid argument: event has 70000 tags, exceeding the maximum of 65535");
    }

    @Test
    void oversizedEventNamesSizeAndLimit() {
        DcbEvent event = DcbEvent.of("T", List.of(), new byte[EventLimits.MAX_EVENT_BYTES]);
        assertThat(EventLimits.check(event, 3, EventRecord.eventSize(event)))
                .hasMessage("invalid argument: event 3 is 4128776 bytes encoded, exceeding the maximum event size"
                        + " of 4128768 bytes");
    }

    @Test
    void duplicateMetadataKeyIsRejected() {
        DcbEvent event = new DcbEvent("T", List.of(), new byte[0], null,
                List.of(new MetadataEntry("k", "1"), new MetadataEntry("j", "2"), new MetadataEntry("k", "3")));
        assertThat(EventLimits.check(event, 1, EventRecord.eventSize(event)))
                .hasMessage("invalid argument: event 1 has duplicate metadata key 'k'");
    }

    @Test
    void longTagIsRejected() {
        DcbEvent event = DcbEvent.of("T", List.of("x".repeat(EventLimits.MAX_NAME_BYTES + 1)), new byte[0]);
        assertThat(EventLimits.check(event, 0, EventRecord.eventSize(event)))
                .hasMessage("invalid argument: event 0 has a tag of 16385 bytes, exceeding the maximum of 16384");
    }

    @Test
    void tooManyMetadataEntries() {
        List<MetadataEntry> entries = new ArrayList<>();
        for (int i = 0; i <= EventLimits.MAX_METADATA_ENTRIES; i++) {
            entries.add(new MetadataEntry("k" + i, ""));
        }
        DcbEvent event = new DcbEvent("T", List.of(), new byte[0], null, entries);
        assertThat(EventLimits.check(event, 0, EventRecord.eventSize(event)))
                .hasMessage("invalid argument: event 0 has 65536 metadata entries, exceeding the maximum of 65535");
    }

    @Test
    void trackingSourceLimitUsesUmaDbsText() {
        assertThat(EventLimits.checkTracking(new TrackingInfo("s".repeat(300), 1)))
                .hasMessage("invalid argument: tracking source too long (300 > 255)");
        assertThat(EventLimits.checkTracking(new TrackingInfo("s".repeat(255), 1))).isNull();
    }
}
