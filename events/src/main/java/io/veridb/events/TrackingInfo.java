package io.veridb.events;

import java.util.Objects;

/**
 * The upstream position a request records for a source (replication/projection bookkeeping).
 *
 * @param source the upstream source name (at most {@link EventLimits#MAX_TRACKING_SOURCE_BYTES} UTF-8 bytes)
 * @param position the upstream position, an unsigned 64-bit value; compare with {@link Long#compareUnsigned}
 */
public record TrackingInfo(String source, long position) {
    public TrackingInfo {
        Objects.requireNonNull(source, "source");
    }

    /** The position as the unsigned decimal clients see. */
    public String positionText() {
        return Long.toUnsignedString(position);
    }
}
