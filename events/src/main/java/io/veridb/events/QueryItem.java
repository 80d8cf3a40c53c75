package io.veridb.events;

import java.util.List;

/**
 * One OR-branch of a {@link Query}: the event type must be one of {@code types} (any type if empty) and the
 * event must carry every tag in {@code tags}.
 */
public record QueryItem(List<String> types, List<String> tags) {
    public QueryItem {
        types = List.copyOf(types);
        tags = List.copyOf(tags);
    }

    /** True when this item matches every event. */
    public boolean matchesAll() {
        return types.isEmpty() && tags.isEmpty();
    }

    /** Whether an event with this type and these tags matches. */
    public boolean matches(String type, List<String> eventTags) {
        if (!types.isEmpty() && !types.contains(type)) {
            return false;
        }
        for (String tag : tags) {
            if (!eventTags.contains(tag)) {
                return false;
            }
        }
        return true;
    }
}
