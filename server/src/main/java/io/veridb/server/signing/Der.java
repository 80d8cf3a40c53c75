package io.veridb.server.signing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few ASN.1 DER operations key loading needs: split a buffer into tag-length-value items and build them.
 * Only definite lengths (DER) are accepted.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;
    static final int CONTEXT_1 = 0xA1;

    /** One DER item: its tag byte and its content bytes (copied). */
    record Item(int tag, byte[] value) {
        Item {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    private Der() {}

    /** The items that follow one another in {@code der} (e.g. the content of a SEQUENCE). */
    static List<Item> items(byte[] der) {
        List<Item> out = new ArrayList<>();
        int pos = 0;
        while (pos < der.length) {
            int tag = der[pos++] & 0xFF;
            if (pos >= der.length) {
                throw new IllegalArgumentException("DER truncated after tag 0x" + Integer.toHexString(tag) + " @"
                        + (pos - 1));
            }
            int len = der[pos++] & 0xFF;
            if (len >= 0x80) {
                int n = len & 0x7F;
                if (n == 0 || n > 4 || pos + n > der.length) {
                    throw new IllegalArgumentException("DER length of " + n + " bytes unsupported @" + (pos - 1));
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (der[pos++] & 0xFF);
                }
            }
            if (len < 0 || pos + len > der.length) {
                throw new IllegalArgumentException("DER item of " + len + " bytes exceeds buffer of " + der.length
                        + " @" + pos);
            }
            out.add(new Item(tag, Arrays.copyOfRange(der, pos, pos + len)));
            pos += len;
        }
        return out;
    }

    /** The single item {@code der} holds, which must have {@code tag}. */
    static Item single(byte[] der, int tag) {
        List<Item> items = items(der);
        if (items.size() != 1 || items.get(0).tag() != tag) {
            throw new IllegalArgumentException("expected one DER item with tag 0x" + Integer.toHexString(tag)
                    + ", found " + items.size() + " item(s)");
        }
        return items.get(0);
    }

    /** Encodes one item. */
    static byte[] encode(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            body.writeBytes(c);
        }
        byte[] value = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len <= 0xFF) {
            out.write(0x81);
            out.write(len);
        } else if (len <= 0xFFFF) {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >>> 16);
            out.write(len >>> 8);
            out.write(len);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
