package io.veridb.proofs;

import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * Hashes this package made for one proof and references nowhere else, handed to a proof's constructor so that it
 * keeps them instead of copying each one (copies cost several percent of building a dual proof). Package-private:
 * code outside cannot make one, so a proof built from caller-supplied lists still copies them.
 */
final class FreshHashes extends AbstractList<byte[]> implements RandomAccess {

    private final List<byte[]> hashes;

    /** {@code hashes} must hold arrays that no one else references. */
    FreshHashes(List<byte[]> hashes) {
        this.hashes = hashes;
    }

    /** The hashes, each checked to be 32 bytes, as an unmodifiable list that shares the arrays. */
    List<byte[]> checked(String name) {
        for (int i = 0; i < hashes.size(); i++) {
            byte[] h = hashes.get(i);
            if (h == null || h.length != Hashes.SIZE) {
                Checks.hash(name + "[" + i + "]", h); // throws with the details
            }
        }
        return Collections.unmodifiableList(hashes);
    }

    @Override
    public byte[] get(int index) {
        return hashes.get(index);
    }

    @Override
    public int size() {
        return hashes.size();
    }
}
