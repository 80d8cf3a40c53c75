package io.veridb.events;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The documented limits of one event and one append, checked before the writer sees a request.
 *
 * <ul>
 *   <li>at most {@value #MAX_TAGS} tags per event (UmaDB's limit);</li>
 *   <li>the encoded event (type, tags, data, uuid, metadata, tracking; see {@link EventRecord}) at most
 *       {@value #MAX_EVENT_BYTES} bytes, so that one event always fits in one 4 MiB gRPC message with its
 *       framing;</li>
 *   <li>event type and each tag at most {@value #MAX_NAME_BYTES} UTF-8 bytes (they are index keys);</li>
 *   <li>at most {@value #MAX_METADATA_ENTRIES} metadata entries, keys and values at most
 *       {@value #MAX_METADATA_FIELD_BYTES} bytes each, keys unique within an event;</li>
 *   <li>tracking source at most {@value #MAX_TRACKING_SOURCE_BYTES} UTF-8 bytes (UmaDB's limit).</li>
 * </ul>
 */
public final class EventLimits {
    public static final int MAX_TAGS = 65_535;
    public static final int MAX_EVENT_BYTES = 4 * 1024 * 1024 - 64 * 1024;
    public static final int MAX_NAME_BYTES = 16 * 1024;
    public static final int MAX_METADATA_ENTRIES = 65_535;
    public static final int MAX_METADATA_FIELD_BYTES = 65_535;
    public static final int MAX_TRACKING_SOURCE_BYTES = 255;

    private EventLimits() {}

    /**
     * Checks one event and its encoded size.
     *
     * @param index the event's index in the request, for the message
     * @return null when valid, else the INVALID_ARGUMENT error to raise (the writer raises it after the
     *     condition check, in UmaDB's order)
     */
    static DcbException check(DcbEvent event, int index, int encodedBytes) {
        if (event.tags().size() > MAX_TAGS) {
            return DcbException.invalidArgument("event has " + event.tags().size()
                    + " tags, exceeding the maximum of " + MAX_TAGS);
        }
        int typeBytes = utf8Length(event.type());
        if (typeBytes > MAX_NAME_BYTES) {
            return DcbException.invalidArgument("event " + index + " type is " + typeBytes
                    + " bytes, exceeding the maximum of " + MAX_NAME_BYTES);
        }
        for (String tag : event.tags()) {
            int tagBytes = utf8Length(tag);
            if (tagBytes > MAX_NAME_BYTES) {
                return DcbException.invalidArgument("event " + index + " has a tag of " + tagBytes
                        + " bytes, exceeding the maximum of " + MAX_NAME_BYTES);
            }
        }
        DcbException metadataError = checkMetadata(event.metadata(), index);
        if (metadataError != null) {
            return metadataError;
        }
        if (encodedBytes > MAX_EVENT_BYTES) {
            return DcbException.invalidArgument("event " + index + " is " + encodedBytes
                    + " bytes encoded, exceeding the maximum event size of " + MAX_EVENT_BYTES + " bytes");
        }
        return null;
    }

    /** Null when the source is within its limit, else the INVALID_ARGUMENT error. */
    static DcbException checkTracking(TrackingInfo tracking) {
        int bytes = utf8Length(tracking.source());
        if (bytes > MAX_TRACKING_SOURCE_BYTES) {
            return DcbException.invalidArgument("tracking source too long (" + bytes + " > "
                    + MAX_TRACKING_SOURCE_BYTES + ")");
        }
        return null;
    }

    private static DcbException checkMetadata(List<MetadataEntry> metadata, int index) {
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            return DcbException.invalidArgument("event " + index + " has " + metadata.size()
                    + " metadata entries, exceeding the maximum of " + MAX_METADATA_ENTRIES);
        }
        if (metadata.isEmpty()) {
            return null;
        }
        Set<String> keys = new HashSet<>();
        for (MetadataEntry entry : metadata) {
            int keyBytes = utf8Length(entry.key());
            int valueBytes = utf8Length(entry.value());
            if (keyBytes > MAX_METADATA_FIELD_BYTES || valueBytes > MAX_METADATA_FIELD_BYTES) {
                return DcbException.invalidArgument("event " + index + " metadata entry '" + clip(entry.key())
                        + "' has a key of " + keyBytes + " bytes and a value of " + valueBytes
                        + " bytes, exceeding the maximum of " + MAX_METADATA_FIELD_BYTES + " each");
            }
            if (!keys.add(entry.key())) {
                return DcbException.invalidArgument("event " + index + " has duplicate metadata key '"
                        + clip(entry.key()) + "'");
            }
        }
        return null;
    }

    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
