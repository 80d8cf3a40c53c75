package io.veridb.proofs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Argument checks, defensive copies and message formatting shared by this package. */
final class Checks {

    private Checks() {}

    /** See {@link KeyValues#kv}. */
    static String kv(Object... keysAndValues) {
        return KeyValues.kv(keysAndValues);
    }

    static String str(Object value) {
        return KeyValues.str(value);
    }

    static String hex(byte[] bytes) {
        return KeyValues.hex(bytes);
    }

    /** Checks that {@code hash} is a non-null 32-byte array and returns it (not copied). */
    static byte[] hash(String name, byte[] hash) {
        Objects.requireNonNull(hash, name);
        if (hash.length != Hashes.SIZE) {
            throw new IllegalArgumentException(
                    name + " has " + hash.length + " bytes, want " + Hashes.SIZE + " (" + name + "=" + hex(hash) + ")");
        }
        return hash;
    }

    /** Checks and copies a 32-byte hash. */
    static byte[] copyHash(String name, byte[] hash) {
        return hash(name, hash).clone();
    }

    /** Deep, unmodifiable copy of a list of 32-byte hashes, checking each. */
    static List<byte[]> copyHashes(String name, List<byte[]> hashes) {
        Objects.requireNonNull(hashes, name);
        if (hashes instanceof FreshHashes fresh) {
            return fresh.checked(name);
        }
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            byte[] h = hashes.get(i);
            // The element name is built only on failure: proof objects are created on hot paths.
            copy.add((h != null && h.length == Hashes.SIZE) ? h.clone() : copyHash(name + "[" + i + "]", h));
        }
        return Collections.unmodifiableList(copy);
    }

    /** Deep copy of hashes that are already validated, for handing out. */
    static List<byte[]> cloneAll(List<byte[]> hashes) {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            copy.add(h.clone());
        }
        return Collections.unmodifiableList(copy);
    }

    static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hashOf(List<byte[]> hashes) {
        int h = 1;
        for (byte[] b : hashes) {
            h = 31 * h + java.util.Arrays.hashCode(b);
        }
        return h;
    }

    static String hexList(List<byte[]> hashes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < hashes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(hex(hashes.get(i)));
        }
        return sb.append(']').toString();
    }
}
