package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;

/** Derives broken variants of a proof: each term with one flipped bit, truncated, extended and reordered. */
final class Mutations {

    private Mutations() {}

    static List<List<byte[]>> of(List<byte[]> proof) {
        List<List<byte[]>> out = new ArrayList<>();
        for (int k = 0; k < proof.size(); k++) {
            for (int bit : new int[] {0, 7 * 8 + 3, 31 * 8 + 7}) {
                out.add(replace(proof, k, flip(proof.get(k), bit)));
            }
        }
        if (!proof.isEmpty()) {
            out.add(new ArrayList<>(proof.subList(0, proof.size() - 1)));
            out.add(new ArrayList<>(proof.subList(1, proof.size())));
        }
        List<byte[]> extended = new ArrayList<>(proof);
        extended.add(new byte[32]);
        out.add(extended);
        if (!proof.isEmpty()) {
            List<byte[]> doubled = new ArrayList<>(proof);
            doubled.add(proof.get(proof.size() - 1));
            out.add(doubled);
            List<byte[]> prefixed = new ArrayList<>(proof);
            prefixed.add(0, proof.get(0));
            out.add(prefixed);
        }
        if (proof.size() >= 2) {
            List<byte[]> swapped = new ArrayList<>(proof);
            swapped.set(0, proof.get(1));
            swapped.set(1, proof.get(0));
            if (!java.util.Arrays.equals(proof.get(0), proof.get(1))) {
                out.add(swapped);
            }
        }
        return out;
    }

    static byte[] flip(byte[] h, int bit) {
        byte[] c = h.clone();
        c[bit / 8] ^= (byte) (1 << (bit % 8));
        return c;
    }

    static List<byte[]> replace(List<byte[]> list, int k, byte[] value) {
        List<byte[]> c = new ArrayList<>(list);
        c.set(k, value);
        return c;
    }
}
