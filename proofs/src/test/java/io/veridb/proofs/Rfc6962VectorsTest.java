package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published Certificate Transparency vectors, read from {@code rfc6962-vectors.json}. They fix the leaf and
 * node prefixes and the split rule. The tree here is built straight from leaf hashes (the CT leaves are data, not
 * Alh values), so these tests drive {@link AppendOnlyTree} through {@link TreeNodes}.
 */
class Rfc6962VectorsTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> vectors() throws IOException {
        try (InputStream in = Rfc6962VectorsTest.class.getResourceAsStream("rfc6962-vectors.json")) {
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static List<byte[]> hashes(Object list) {
        return ((List<String>) list).stream().map(Hex::b).toList();
    }

    /** A node store over arbitrary leaf hashes, filled through {@link AppendOnlyTree#nodesToAppend}. */
    static TreeNodes treeOverLeafHashes(List<byte[]> leafHashes) {
        NodeLayoutTest.FlatFile file = new NodeLayoutTest.FlatFile();
        for (byte[] leaf : leafHashes) {
            List<byte[]> added = AppendOnlyTree.nodesToAppend(file, file.size, leaf);
            file.slots.addAll(added);
            file.size++;
        }
        return file;
    }

    final Map<String, Object> v;
    final List<byte[]> leaves = new ArrayList<>();
    final TreeNodes tree;

    @SuppressWarnings("unchecked")
    Rfc6962VectorsTest() throws IOException {
        v = vectors();
        for (String data : (List<String>) v.get("leafData")) {
            leaves.add(Hashes.leaf(Hex.b(data)));
        }
        tree = treeOverLeafHashes(leaves);
    }

    @Test
    void rootsOfEverySizeMatchThePublishedTreeHeads() {
        List<byte[]> roots = hashes(v.get("roots"));
        for (int n = 1; n <= roots.size(); n++) {
            assertThat(Hex.s(AppendOnlyTree.root(tree, n))).as("size %d", n).isEqualTo(Hex.s(roots.get(n - 1)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void inclusionPathsMatchThePublishedOnes() {
        List<byte[]> roots = hashes(v.get("roots"));
        for (Map<String, Object> c : (List<Map<String, Object>>) v.get("inclusion")) {
            long leaf = (Long) c.get("leafIndex") + 1;
            long size = (Long) c.get("size");
            List<byte[]> want = hashes(c.get("path"));
            List<byte[]> got = AppendOnlyTree.inclusionProof(tree, leaf, size);
            assertThat(AppendOnlyTreeTest.hex(got)).isEqualTo(AppendOnlyTreeTest.hex(want));
            assertThat(AppendOnlyTree.verifyInclusion(want, leaf, size, leaves.get((int) leaf - 1),
                    roots.get((int) size - 1)).isOk()).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void consistencyProofsAreThePublishedOnesWithImmudbsOldRootRule() {
        List<byte[]> roots = hashes(v.get("roots"));
        for (Map<String, Object> c : (List<Map<String, Object>>) v.get("consistency")) {
            long first = (Long) c.get("first");
            long second = (Long) c.get("second");
            List<byte[]> want = new ArrayList<>(hashes(c.get("rfcProof")));
            if (Long.bitCount(first) == 1) {
                want.add(0, roots.get((int) first - 1));
            }
            List<byte[]> got = AppendOnlyTree.consistencyProof(tree, first, second);
            assertThat(AppendOnlyTreeTest.hex(got)).as("%d -> %d", first, second)
                    .isEqualTo(AppendOnlyTreeTest.hex(want));
            assertThat(AppendOnlyTree.verifyConsistency(want, first, second, roots.get((int) first - 1),
                    roots.get((int) second - 1)).isOk()).isTrue();
        }
    }
}
