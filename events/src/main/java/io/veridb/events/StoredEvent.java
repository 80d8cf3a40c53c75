package io.veridb.events;

import java.util.Objects;

/**
 * A committed event: its position and its stored record.
 *
 * @param position the 1-based gapless DCB position
 * @param record the stored record
 */
public record StoredEvent(long position, EventRecord record) {
    public StoredEvent {
        if (position < 1) {
            throw new IllegalArgumentException("position " + position + " < 1");
        }
        Objects.requireNonNull(record, "record");
    }
}
