package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountPagingTest extends KvStoreTestBase {

    @Test
    void countSpansSeveralPagesOfTheIndexScan() {
        for (int tx = 0; tx < 21; tx++) {
            List<KvWrite> kvs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                kvs.add(new KvWrite(b(String.format("p%02d-%04d", tx, i)), b("v")));
            }
            store.set(kvs, List.of());
        }
        store.delete(List.of(b("p00-0000"), b("p20-0999")), 0);
        set("q", "other");

        assertThat(store.count(b("p"))).isEqualTo(20_998);
        assertThat(store.countAll()).isEqualTo(20_999);
    }
}
