package io.veridb.proofs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A transaction header and its hashes (protocol spec §3.5). Integers are big-endian; {@code ts} is unix seconds.
 *
 * <pre>
 * innerHash v0 = SHA-256( u64(ts) || u16(0) || u16(nentries) || eH || u64(blTxId) || blRoot )
 * innerHash v1 = SHA-256( u64(ts) || u16(1) || u16(len(txmd)) || txmd || u32(nentries) || eH
 *                         || u64(blTxId) || blRoot )            ; txmd = metadata.encode()
 * alh          = SHA-256( u64(id) || prevAlh || innerHash )
 * </pre>
 *
 * The genesis Alh (of transaction 0) is {@link Hashes#EMPTY}, so transaction 1 has that as {@code prevAlh} and
 * {@code blTxId = 0}, {@code blRoot = }{@link Hashes#ZERO}. VeriDB keeps {@code blTxId = id − 1} and
 * {@code blRoot = } root of the append-only tree of size {@code id − 1}; this type only requires
 * {@code 0 ≤ blTxId < id}.
 *
 * @param id 1-based transaction id
 * @param prevAlh Alh of transaction {@code id − 1}, 32 bytes
 * @param ts commit time in unix seconds
 * @param version header version, 0 or 1
 * @param metadata transaction metadata; must be empty in version 0
 * @param nentries number of entries, ≥ 1 (≤ 65535 in version 0)
 * @param eH root of the entries tree, 32 bytes
 * @param blTxId size of the append-only tree linked by this header, {@code 0 ≤ blTxId < id}
 * @param blRoot root of that tree, 32 bytes (zeros when {@code blTxId == 0})
 */
public record TxHeader(
        long id,
        byte[] prevAlh,
        long ts,
        int version,
        TxMetadata metadata,
        int nentries,
        byte[] eH,
        long blTxId,
        byte[] blRoot) {

    private static final int V0_INNER_LENGTH = 8 + 2 + 2 + 32 + 8 + 32;

    public TxHeader {
        if (id < 1) {
            throw new IllegalArgumentException("header id=" + id + ", want >= 1");
        }
        prevAlh = Checks.copyHash("prevAlh", prevAlh);
        Objects.requireNonNull(metadata, "metadata");
        if (version != 0 && version != 1) {
            throw new IllegalArgumentException("header version=" + version + ", want 0 or 1 (tx " + id + ")");
        }
        if (nentries < 1) {
            throw new IllegalArgumentException("nentries=" + nentries + ", want >= 1 (tx " + id + ")");
        }
        if (version == 0 && nentries > 0xFFFF) {
            throw new IllegalArgumentException("nentries=" + nentries + ", want <= 65535 in version 0 (tx " + id + ")");
        }
        if (version == 0 && !metadata.isEmpty()) {
            throw new IllegalArgumentException("header version 0 allows no tx metadata, got " + metadata
                    + " (tx " + id + ")");
        }
        eH = Checks.copyHash("eH", eH);
        if (blTxId < 0 || blTxId >= id) {
            throw new IllegalArgumentException("blTxId=" + blTxId + ", want 0 <= blTxId < id=" + id);
        }
        blRoot = Checks.copyHash("blRoot", blRoot);
    }

    /** A copy of prevAlh. */
    @Override
    public byte[] prevAlh() {
        return prevAlh.clone();
    }

    /** A copy of eH. */
    @Override
    public byte[] eH() {
        return eH.clone();
    }

    /** A copy of blRoot. */
    @Override
    public byte[] blRoot() {
        return blRoot.clone();
    }

    /** The inner hash of this header (see the class grammar). */
    public byte[] innerHash() {
        if (version == 0) {
            return Hashes.sha256(new Encoding(V0_INNER_LENGTH)
                    .u64(ts).u16(0).u16(nentries).bytes(eH).u64(blTxId).bytes(blRoot)
                    .toArray());
        }
        byte[] md = metadata.encode();
        return Hashes.sha256(new Encoding(8 + 2 + 2 + md.length + 4 + 32 + 8 + 32)
                .u64(ts).u16(1).u16(md.length).bytes(md).u32(nentries).bytes(eH).u64(blTxId).bytes(blRoot)
                .toArray());
    }

    /** The accumulated linear hash: {@code SHA-256(u64(id) || prevAlh || innerHash)}. */
    public byte[] alh() {
        return alh(id, prevAlh, innerHash());
    }

    static byte[] alh(long id, byte[] prevAlh, byte[] innerHash) {
        return Hashes.sha256(Encoding.bigEndian64(id), prevAlh, innerHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxHeader h
                && id == h.id && ts == h.ts && version == h.version && nentries == h.nentries
                && blTxId == h.blTxId && metadata.equals(h.metadata)
                && Arrays.equals(prevAlh, h.prevAlh) && Arrays.equals(eH, h.eH) && Arrays.equals(blRoot, h.blRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ts, version, nentries, blTxId, metadata,
                Arrays.hashCode(prevAlh), Arrays.hashCode(eH), Arrays.hashCode(blRoot));
    }

    @Override
    public String toString() {
        return "TxHeader[" + Checks.kv("id", id, "prevAlh", prevAlh, "ts", ts, "version", version,
                "metadata", metadata, "nentries", nentries, "eH", eH, "blTxId", blTxId, "blRoot", blRoot) + "]";
    }
}
