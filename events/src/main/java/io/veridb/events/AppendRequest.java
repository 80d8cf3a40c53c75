package io.veridb.events;

import java.util.List;

/**
 * One DCB append: zero or more events committed atomically as one ledger transaction.
 *
 * @param events the events in order (may be empty: then only tracking is recorded)
 * @param condition the condition, or null for an unconditional append
 * @param tracking the tracking info, or null
 */
public record AppendRequest(List<DcbEvent> events, AppendCondition condition, TrackingInfo tracking) {
    public AppendRequest {
        events = List.copyOf(events);
    }

    /** An unconditional append without tracking. */
    public static AppendRequest of(List<DcbEvent> events) {
        return new AppendRequest(events, null, null);
    }
}
