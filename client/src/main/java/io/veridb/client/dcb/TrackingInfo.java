package io.veridb.client.dcb;

import java.util.Objects;

/**
 * An upstream position recorded atomically with an append; positions per source must increase.
 *
 * @param source source name, at most 255 UTF-8 bytes on the server
 * @param position upstream position
 */
public record TrackingInfo(String source, long position) {

    public TrackingInfo {
        Objects.requireNonNull(source, "source");
    }
}
