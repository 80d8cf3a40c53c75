package io.veridb.events;

import java.nio.charset.StandardCharsets;

/**
 * The ledger entries of the event model. Prefix {@code 0x04} keeps them apart from immudb's 0x00–0x03, so
 * immudb scans never see events.
 *
 * <pre>
 * event entry    key := 0x04 'E' u64 position (big-endian)     value := {@link EventRecord}
 * tracking entry key := 0x04 'T' utf8 source                   value := 0x01 u64 position
 * </pre>
 *
 * Entries carry KV metadata {@code nonIndexable}: the ledger's key index skips them (the event model keeps its
 * own index, {@link EventIndex}); the flag is part of the entry digest and so of every proof.
 */
final class LedgerKeys {
    static final byte PREFIX = 0x04;
    static final byte EVENT = 'E';
    static final byte TRACKING = 'T';
    static final int EVENT_KEY_BYTES = 10;
    private static final byte TRACKING_VERSION = 1;

    private LedgerKeys() {}

    static byte[] eventKey(long position) {
        byte[] key = new byte[EVENT_KEY_BYTES];
        key[0] = PREFIX;
        key[1] = EVENT;
        putLong(key, 2, position);
        return key;
    }

    static boolean isEventKey(byte[] key) {
        return key.length == EVENT_KEY_BYTES && key[0] == PREFIX && key[1] == EVENT;
    }

    static long positionOf(byte[] eventKey) {
        return getLong(eventKey, 2);
    }

    static byte[] trackingKey(String source) {
        byte[] s = source.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[2 + s.length];
        key[0] = PREFIX;
        key[1] = TRACKING;
        System.arraycopy(s, 0, key, 2, s.length);
        return key;
    }

    static boolean isTrackingKey(byte[] key) {
        return key.length >= 2 && key[0] == PREFIX && key[1] == TRACKING;
    }

    static String sourceOf(byte[] trackingKey) {
        return new String(trackingKey, 2, trackingKey.length - 2, StandardCharsets.UTF_8);
    }

    static byte[] trackingValue(long position) {
        byte[] value = new byte[9];
        value[0] = TRACKING_VERSION;
        putLong(value, 1, position);
        return value;
    }

    /** @throws IllegalArgumentException if not a version-1 tracking value */
    static long trackingPosition(byte[] value) {
        if (value.length != 9 || value[0] != TRACKING_VERSION) {
            throw new IllegalArgumentException("tracking value of " + value.length + " bytes, version "
                    + (value.length > 0 ? value[0] : -1) + ", want 9 bytes, version " + TRACKING_VERSION);
        }
        return getLong(value, 1);
    }

    static void putLong(byte[] out, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            out[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long getLong(byte[] in, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (in[at + i] & 0xFF);
        }
        return v;
    }
}
