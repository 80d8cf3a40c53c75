package io.veridb.bench.dcb;

import com.google.protobuf.ByteString;
import io.veridb.protocol.umadb.v1.AppendCondition;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.Query;
import io.veridb.protocol.umadb.v1.QueryItem;
import java.nio.charset.StandardCharsets;

/**
 * The events and conditions of UmaDB's own gRPC benchmarks: tiny events, type {@code bench-append}, data
 * {@code data-<i>}, one tag {@code append}; the conditional variant fails if an {@code init}-tagged event exists
 * after the last preloaded position (it never fails, but costs one index seek). The preload is 1,000,000 events
 * of type {@code bench-init} tagged {@code init} and {@code tag-<i mod 100000>} (so a one-tag read returns 10).
 */
final class DcbWorkload {
    static final String INIT_TAG = "init";
    static final int TAG_GROUPS = 100_000;

    private DcbWorkload() {}

    static Event initEvent(long i) {
        return Event.newBuilder()
                .setEventType("bench-init")
                .addTags(INIT_TAG)
                .addTags("tag-" + (i % TAG_GROUPS))
                .setData(ByteString.copyFrom("init-" + i, StandardCharsets.UTF_8))
                .build();
    }

    static Event appendEvent(long i) {
        return Event.newBuilder()
                .setEventType("bench-append")
                .addTags("append")
                .setData(ByteString.copyFrom("data-" + i, StandardCharsets.UTF_8))
                .build();
    }

    /** An append request of {@code n} events, conditional on no init event after {@code initHead} if asked. */
    static AppendRequest append(long seq, int n, boolean conditional, long initHead) {
        AppendRequest.Builder b = AppendRequest.newBuilder();
        for (int i = 0; i < n; i++) {
            b.addEvents(appendEvent(seq * n + i));
        }
        if (conditional) {
            b.setCondition(AppendCondition.newBuilder()
                    .setFailIfEventsMatch(tagQuery(INIT_TAG))
                    .setAfter(initHead));
        }
        return b.build();
    }

    static Query tagQuery(String tag) {
        return Query.newBuilder().addItems(QueryItem.newBuilder().addTags(tag)).build();
    }
}
