package io.veridb.client.dcb;

import java.util.List;

/**
 * Matches an event whose type is one of {@code types} (any type if empty) and that carries every tag of
 * {@code tags}.
 */
public record DcbQueryItem(List<String> types, List<String> tags) {

    public DcbQueryItem {
        types = List.copyOf(types);
        tags = List.copyOf(tags);
    }

    /** Events of any of these types. */
    public static DcbQueryItem types(String... types) {
        return new DcbQueryItem(List.of(types), List.of());
    }

    /** Events carrying all these tags. */
    public static DcbQueryItem tags(String... tags) {
        return new DcbQueryItem(List.of(), List.of(tags));
    }

    /** This item, also requiring all {@code more} tags. */
    public DcbQueryItem withTags(String... more) {
        List<String> all = new java.util.ArrayList<>(tags);
        all.addAll(List.of(more));
        return new DcbQueryItem(types, all);
    }
}
