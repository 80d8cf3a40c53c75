package io.veridb.events;

import java.util.List;

/** A DCB query: items OR-ed together; no items, or any item without types and tags, matches everything. */
public record Query(List<QueryItem> items) {
    /** The query that matches every event. */
    public static final Query ALL = new Query(List.of());

    public Query {
        items = List.copyOf(items);
    }

    /** True when the query matches every event, so no index can narrow it. */
    public boolean matchesAll() {
        if (items.isEmpty()) {
            return true;
        }
        for (QueryItem item : items) {
            if (item.matchesAll()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an event with this type and these tags matches. */
    public boolean matches(String type, List<String> tags) {
        if (items.isEmpty()) {
            return true;
        }
        for (QueryItem item : items) {
            if (item.matches(type, tags)) {
                return true;
            }
        }
        return false;
    }
}
