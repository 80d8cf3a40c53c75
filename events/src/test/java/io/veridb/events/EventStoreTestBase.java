package io.veridb.events;

import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real ledger in a temporary directory with the event index registered, and helpers. */
abstract class EventStoreTestBase {
    @TempDir
    Path dir;

    Ledger ledger;
    EventStore store;

    LedgerOptions options() {
        return LedgerOptions.defaults().withSecondaryIndexes(EventIndexes.secondaryIndexes());
    }

    @BeforeEach
    void openStore() throws IOException {
        ledger = Ledger.open(dir, options());
        store = EventStore.open(ledger);
    }

    @AfterEach
    void closeStore() throws IOException {
        store.close();
        ledger.close();
    }

    void reopen() throws IOException {
        store.close();
        ledger.close();
        ledger = Ledger.open(dir, options());
        store = EventStore.open(ledger);
    }

    static DcbEvent event(String type, String... tags) {
        return DcbEvent.of(type, List.of(tags), type.getBytes(StandardCharsets.UTF_8));
    }

    static DcbEvent eventWithUuid(String uuid, String type, String... tags) {
        return new DcbEvent(type, List.of(tags), new byte[0], uuid, List.of());
    }

    static Query tags(String... tags) {
        return new Query(List.of(new QueryItem(List.of(), List.of(tags))));
    }

    static Query types(String... types) {
        return new Query(List.of(new QueryItem(List.of(types), List.of())));
    }

    long append(DcbEvent... events) {
        return store.append(AppendRequest.of(List.of(events))).join();
    }

    long appendIf(AppendCondition condition, DcbEvent... events) {
        return store.append(new AppendRequest(List.of(events), condition, null)).join();
    }

    List<Long> positions(Query query, long start, boolean backwards) {
        List<Long> out = new ArrayList<>();
        try (EventCursor cursor = store.read(query, start, backwards, store.head())) {
            for (StoredEvent e = cursor.next(); e != null; e = cursor.next()) {
                out.add(e.position());
            }
        }
        return out;
    }
}
