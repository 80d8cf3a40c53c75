package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.IndexWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Indexing the events the writer just prepared writes exactly the rows a replay (parsing the entries) writes. */
class EventIndexHandOverTest {

    /** Puts and deletes as hex text, in order. */
    private static final class Recorder implements IndexWriter {
        final List<String> ops = new ArrayList<>();

        @Override
        public void put(byte[] key, byte[] value) {
            ops.add("put " + HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value));
        }

        @Override
        public void delete(byte[] key) {
            ops.add("delete " + HexFormat.of().formatHex(key));
        }
    }

    private static List<DcbEvent> events() {
        return List.of(DcbEvent.of("Opened", List.of("acct-1", "eu"), new byte[] {1}),
                DcbEvent.of("Deposited", List.of("acct-1", "acct-1"), new byte[] {2, 3}),
                DcbEvent.of("Opened", List.of("acct-2"), new byte[0]));
    }

    /** The entries and pending events of one append at positions 41.., as AppendPreparer builds them. */
    private static List<EntrySpec> entries(List<PendingEvent> pending, TrackingInfo tracking) {
        List<EntrySpec> entries = new ArrayList<>();
        long position = 41;
        for (DcbEvent e : events()) {
            byte[] bytes = EventRecord.encode(e, tracking);
            EventRecord record = EventRecord.parse(bytes);
            entries.add(new EntrySpec(LedgerKeys.eventKey(position), bytes, AppendPreparer.ENTRY_METADATA));
            pending.add(new PendingEvent(position++, record, record.keys()));
        }
        entries.add(new EntrySpec(LedgerKeys.trackingKey(tracking.source()),
                LedgerKeys.trackingValue(tracking.position()), AppendPreparer.ENTRY_METADATA));
        return List.copyOf(entries);
    }

    @Test
    void handedOverEventsIndexLikeAReplayOfTheSameEntries() {
        List<PendingEvent> pending = new ArrayList<>();
        List<EntrySpec> entries = entries(pending, new TrackingInfo("upstream", 7));

        EventIndex live = new EventIndex();
        live.prepared(entries, List.copyOf(pending));
        Recorder liveRows = new Recorder();
        live.onCommit(9, entries, liveRows);

        EventIndex replay = new EventIndex();
        Recorder replayRows = new Recorder();
        replay.onCommit(9, entries, replayRows);

        assertThat(liveRows.ops).isNotEmpty().isEqualTo(replayRows.ops);
        assertThat(live.writerHead()).isEqualTo(43).isEqualTo(replay.writerHead());
        assertThat(live.lastPositions().last(PostingKind.TAG, "acct-1")).isEqualTo(42);
        assertThat(live.lastPositions().last(PostingKind.TYPE, "Opened")).isEqualTo(43);
    }
}
