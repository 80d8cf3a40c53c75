package io.veridb.client.dcb;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append or as read back.
 *
 * @param type event type (may be empty)
 * @param tags tags, order and duplicates kept as given
 * @param data opaque payload
 * @param uuid the event's UUID in any form the server parses, empty for none; returned normalised (lower-case,
 *     hyphenated)
 * @param metadata string metadata, keys unique, insertion order kept
 */
public record DcbEvent(String type, List<String> tags, byte[] data, String uuid, Map<String, String> metadata) {

    public DcbEvent {
        Objects.requireNonNull(type, "type");
        tags = List.copyOf(tags);
        data = Objects.requireNonNull(data, "data").clone();
        Objects.requireNonNull(uuid, "uuid");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        metadata.forEach((k, v) -> Objects.requireNonNull(v, "metadata value of " + k));
    }

    /** An event without UUID or metadata. */
    public static DcbEvent of(String type, List<String> tags, byte[] data) {
        return new DcbEvent(type, tags, data, "", Map.of());
    }

    /** This event with {@code id} as its UUID (enables idempotent retries of conditional appends). */
    public DcbEvent withUuid(UUID id) {
        return new DcbEvent(type, tags, data, id.toString(), metadata);
    }

    /** This event with {@code md} as its metadata. */
    public DcbEvent withMetadata(Map<String, String> md) {
        return new DcbEvent(type, tags, data, uuid, md);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DcbEvent e && type.equals(e.type) && tags.equals(e.tags) && Arrays.equals(data, e.data)
                && uuid.equals(e.uuid) && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, tags, Arrays.hashCode(data), uuid, metadata);
    }

    @Override
    public String toString() {
        return "DcbEvent[type=" + type + " tags=" + tags + " data=" + data.length + " bytes uuid=" + uuid
                + " metadata=" + metadata + "]";
    }
}
