package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index row becomes visible before its transaction is published (the ledger publishes after indexing), so a
 * reader that follows a fresh index row must be able to read the transaction it points at.
 */
class ReadableBeforePublishedTest {
    @TempDir
    Path dir;

    @Test
    void aTransactionIsReadableWhileItsBatchIsBeingIndexed() throws Exception {
        AtomicReference<Ledger> ledger = new AtomicReference<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        // runs on the writer thread after the batch is durable and before its index rows are written
        SecondaryIndex reader = new SecondaryIndex() {
            @Override
            public String name() {
                return "reader";
            }

            @Override
            public void onCommit(long txId, List<EntrySpec> entries, IndexWriter out) {
                Ledger l = ledger.get();
                try {
                    seen.add(new String(l.value(txId, 0), StandardCharsets.UTF_8) + " published="
                            + (l.lastTxId() >= txId));
                } catch (Exception e) {
                    seen.add(e.getMessage());
                }
            }
        };
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults().withSecondaryIndexes(List.of(reader)))) {
            ledger.set(l);
            for (int i = 1; i <= 3; i++) {
                l.commit(List.of(new EntrySpec(("k" + i).getBytes(StandardCharsets.UTF_8),
                        ("v" + i).getBytes(StandardCharsets.UTF_8)))).get();
            }
        }
        assertThat(seen).containsExactly("v1 published=false", "v2 published=false", "v3 published=false");
    }
}
