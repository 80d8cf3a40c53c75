package io.veridb.client.dcb;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Fail the append if an event matching {@code failIfEventsMatch} exists after position {@code after}.
 *
 * @param failIfEventsMatch the query; absent matches every event
 * @param after exclusive lower bound of the positions checked; absent checks from the first event
 */
public record AppendCondition(Optional<DcbQuery> failIfEventsMatch, OptionalLong after) {

    public AppendCondition {
        Objects.requireNonNull(failIfEventsMatch, "failIfEventsMatch");
        Objects.requireNonNull(after, "after");
    }

    /** Fail if an event matching {@code query} exists after {@code after}. */
    public static AppendCondition failIfMatch(DcbQuery query, long after) {
        return new AppendCondition(Optional.of(query), OptionalLong.of(after));
    }

    /** Fail if any event matching {@code query} exists. */
    public static AppendCondition failIfMatch(DcbQuery query) {
        return new AppendCondition(Optional.of(query), OptionalLong.empty());
    }
}
