package io.veridb.events;

import java.util.List;

/**
 * What condition matching and idempotency need of a stored event.
 *
 * @param type the event type
 * @param tags the tags in stored order
 * @param uuid the normalised uuid or null
 */
public record EventKeys(String type, List<String> tags, String uuid) {
    public EventKeys {
        tags = List.copyOf(tags);
    }
}
