package io.veridb.events;

import java.util.Objects;

/**
 * Fail the append if any event after {@code after} matches {@code failIfEventsMatch}.
 *
 * @param failIfEventsMatch the query; {@link Query#ALL} when the client sent none
 * @param after exclusive lower bound (unsigned); 0 when absent, since positions start at 1
 */
public record AppendCondition(Query failIfEventsMatch, long after) {
    public AppendCondition {
        Objects.requireNonNull(failIfEventsMatch, "failIfEventsMatch");
    }

    /** The first position the condition looks at, or -1 when {@code after} leaves no position (u64 max). */
    public long firstPosition() {
        return after == -1L ? -1L : after + 1;
    }
}
