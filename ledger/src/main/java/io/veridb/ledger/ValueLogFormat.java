package io.veridb.ledger;

/**
 * Owner of the value log format: segment files {@code NNNNNNNN.vlog} holding stored values back to back.
 *
 * <pre>
 * segment := FileHeader(magic "VDBVALOG", version 1, aux = segment number) value*
 * value   := byte{vLen}           ; located and checked by its tx record: position, vLen, hValue
 * </pre>
 *
 * Values carry no frame of their own: the tx record that owns them holds their position, length and SHA-256
 * ({@code hValue}), which is a stronger per-record check than a CRC and costs no extra byte. A transaction's
 * values never straddle segments.
 */
final class ValueLogFormat {

    static final byte[] MAGIC = FileHeader.magic("VDBVALOG");
    static final int VERSION = 1;
    static final String SUFFIX = ".vlog";

    private ValueLogFormat() {}
}
