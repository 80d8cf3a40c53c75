package io.veridb.events;

import java.util.Objects;

/** One event metadata pair; keys are unique within an event (checked by {@link EventLimits}). */
public record MetadataEntry(String key, String value) {
    public MetadataEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
