package io.veridb.client.dcb;

import java.util.Objects;
import java.util.Optional;

/**
 * An event with its position in the store.
 *
 * @param position 1-based, gapless position
 * @param event the event
 * @param trackingInfo the tracking info of the append that wrote it, if any
 */
public record SequencedEvent(long position, DcbEvent event, Optional<TrackingInfo> trackingInfo) {

    public SequencedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(trackingInfo, "trackingInfo");
    }
}
