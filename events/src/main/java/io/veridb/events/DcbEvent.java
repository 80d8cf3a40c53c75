package io.veridb.events;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One event as a client appends it.
 *
 * @param type the event type (may be empty)
 * @param tags the tags in the caller's order, duplicates kept
 * @param data opaque payload (copied)
 * @param uuid the normalised (lowercase, hyphenated) UUID, or null for none; see {@link Uuids#normalize}
 * @param metadata key/value pairs in the caller's order
 */
public record DcbEvent(String type, List<String> tags, byte[] data, String uuid, List<MetadataEntry> metadata) {
    public DcbEvent {
        Objects.requireNonNull(type, "type");
        tags = List.copyOf(tags);
        data = data.clone();
        metadata = List.copyOf(metadata);
        if (uuid != null && !Uuids.isNormalized(uuid)) {
            throw new IllegalArgumentException("uuid not normalised: " + uuid);
        }
    }

    /** An event with no UUID and no metadata. */
    public static DcbEvent of(String type, List<String> tags, byte[] data) {
        return new DcbEvent(type, tags, data, null, List.of());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The payload itself, for this package's encoders, which only read it (no copy per event). */
    byte[] dataUnshared() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DcbEvent e
                && type.equals(e.type)
                && tags.equals(e.tags)
                && Arrays.equals(data, e.data)
                && Objects.equals(uuid, e.uuid)
                && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, tags, Arrays.hashCode(data), uuid, metadata);
    }

    @Override
    public String toString() {
        return "DcbEvent[type=" + type + ", tags=" + tags + ", data=" + data.length + " bytes, uuid=" + uuid
                + ", metadata=" + metadata + "]";
    }
}
