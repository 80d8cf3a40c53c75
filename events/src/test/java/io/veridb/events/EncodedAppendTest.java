package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedAppendTest {
    private static final String UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8";

    @Test
    void keysEqualWhatAReplayReadsBackFromTheStoredRecord() {
        List<DcbEvent> events = List.of(
                new DcbEvent("OrderPlaced", List.of("b", "", "b"), new byte[] {1}, UUID, List.of()),
                DcbEvent.of("", List.of(), new byte[0]),
                DcbEvent.of("Bestellung\u00e9", List.of("kunde-\u00fc", "\uD83D\uDE00"), new byte[0]),
                DcbEvent.of("t", List.of("lone-\uD800"), new byte[0]),
                DcbEvent.of("\uDC00", List.of("a"), new byte[0]));
        for (DcbEvent event : events) {
            EventRecord record = EventRecord.parse(EventRecord.encode(event, null));
            assertThat(EncodedAppend.keysAsStored(event, record)).as("%s", event).isEqualTo(record.keys());
        }
    }

    @Test
    void anUnpairedSurrogateIsIndexedAsStoredNotAsSubmitted() {
        DcbEvent event = DcbEvent.of("t", List.of("x\uD800"), new byte[0]);
        EventRecord record = EventRecord.parse(EventRecord.encode(event, null));

        EventKeys keys = EncodedAppend.keysAsStored(event, record);

        assertThat(keys.tags()).containsExactly("x?");
    }

    @Test
    void everyEncodedEventCarriesTheKeysOfItsStoredRecord() {
        AppendRequest request = new AppendRequest(List.of(
                DcbEvent.of("a", List.of("t1"), new byte[] {7}),
                DcbEvent.of("\u00e9", List.of("t\uD800"), new byte[0])), null, null);

        EncodedAppend append = EncodedAppend.of(request, 1024);

        assertThat(append.validationError()).isNull();
        for (int i = 0; i < append.records().size(); i++) {
            assertThat(append.keys().get(i)).isEqualTo(append.records().get(i).keys());
        }
    }
}
