package io.veridb.client.dcb;

import java.util.List;

/** Matches an event if any item matches it; a query without items matches every event. */
public record DcbQuery(List<DcbQueryItem> items) {

    public DcbQuery {
        items = List.copyOf(items);
    }

    /** Matches every event. */
    public static DcbQuery all() {
        return new DcbQuery(List.of());
    }

    /** Matches events matched by any of {@code items}. */
    public static DcbQuery of(DcbQueryItem... items) {
        return new DcbQuery(List.of(items));
    }
}
