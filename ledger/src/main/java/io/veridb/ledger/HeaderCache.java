package io.veridb.ledger;

import io.veridb.proofs.HeaderSource;
import io.veridb.proofs.TxHeader;

/** Remembers the last few headers read while building one proof (proof builders ask for some more than once). */
final class HeaderCache implements HeaderSource {

    private final HeaderSource source;
    private final TxHeader[] recent = new TxHeader[4];
    private int next;

    HeaderCache(HeaderSource source) {
        this.source = source;
    }

    @Override
    public TxHeader header(long id) {
        for (TxHeader h : recent) {
            if (h != null && h.id() == id) {
                return h;
            }
        }
        TxHeader h = source.header(id);
        recent[next] = h;
        next = (next + 1) % recent.length;
        return h;
    }

    /** Asks the source: the ledger's reads a stored Alh, cheaper than hashing a remembered header. */
    @Override
    public byte[] alh(long id) {
        return source.alh(id);
    }
}
