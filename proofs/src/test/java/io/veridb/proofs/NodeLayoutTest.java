package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeLayoutTest {

    /** Simulates a node file: nodesToAppend's output written in order, read back by slot. */
    static final class FlatFile implements TreeNodes {
        final List<byte[]> slots = new ArrayList<>();
        long size;

        void append(byte[] alh) {
            List<byte[]> added = AppendOnlyTree.nodesToAppend(this, size, Hashes.leaf(alh));
            assertThat((long) added.size()).isEqualTo(NodeLayout.completedBy(size + 1));
            slots.addAll(added);
            size++;
            assertThat((long) slots.size()).isEqualTo(NodeLayout.nodeCount(size));
        }

        @Override
        public byte[] node(int level, long index) {
            return slots.get((int) NodeLayout.position(level, index));
        }
    }

    @Test
    void flatFileInPostOrderServesTheSameTreeAsMemoryTree() {
        List<byte[]> alhs = AppendOnlyTreeTest.randomHashes(300, 7);
        FlatFile file = new FlatFile();
        MemoryTree mem = new MemoryTree();
        for (byte[] alh : alhs) {
            file.append(alh);
            mem.append(alh);
            assertThat(AppendOnlyTree.root(file, file.size)).isEqualTo(mem.root());
        }
        List<byte[]> leaves = alhs.stream().map(Hashes::leaf).toList();
        assertThat(mem.root()).isEqualTo(NaiveRfc6962.mth(leaves));
        for (int level = 0; (1L << level) <= 300; level++) {
            for (long index = 0; (index + 1) << level <= 300; index++) {
                int from = (int) (index << level);
                byte[] want = NaiveRfc6962.mth(leaves.subList(from, from + (1 << level)));
                assertThat(file.node(level, index)).as("node(%d,%d)", level, index).isEqualTo(want);
                assertThat(mem.node(level, index)).isEqualTo(want);
            }
        }
    }

    @Test
    void positionsFollowTheWriteOrderOfAppends() {
        Map<Long, String> bySlot = new HashMap<>();
        long slot = 0;
        for (long m = 1; m <= 1024; m++) {
            for (int h = 0; h < NodeLayout.completedBy(m); h++) {
                long index = (m >> h) - 1;
                assertThat(NodeLayout.position(h, index)).as("node(%d,%d) of leaf %d", h, index, m).isEqualTo(slot);
                bySlot.put(slot, h + "," + index);
                slot++;
            }
            assertThat(NodeLayout.nodeCount(m)).isEqualTo(slot);
        }
        assertThat(bySlot).hasSize((int) slot);
    }

    @Test
    void smallLayoutIsAsDocumented() {
        assertThat(NodeLayout.position(0, 0)).isZero();
        assertThat(NodeLayout.position(0, 1)).isEqualTo(1);
        assertThat(NodeLayout.position(1, 0)).isEqualTo(2);
        assertThat(NodeLayout.position(0, 2)).isEqualTo(3);
        assertThat(NodeLayout.position(0, 3)).isEqualTo(4);
        assertThat(NodeLayout.position(1, 1)).isEqualTo(5);
        assertThat(NodeLayout.position(2, 0)).isEqualTo(6);
        assertThat(NodeLayout.nodeCount(0)).isZero();
        assertThat(NodeLayout.nodeCount(4)).isEqualTo(7);
        assertThat(NodeLayout.completedBy(8)).isEqualTo(4);
    }

    @Test
    void rejectsOutOfRangeArgumentsNamingThem() {
        assertThatThrownBy(() -> NodeLayout.position(-1, 0)).hasMessageContaining("level=-1");
        assertThatThrownBy(() -> NodeLayout.position(0, -1)).hasMessageContaining("index=-1");
        assertThatThrownBy(() -> NodeLayout.nodeCount(-1)).hasMessageContaining("leafCount=-1");
        assertThatThrownBy(() -> NodeLayout.completedBy(0)).hasMessageContaining("leafNumber=0");
        assertThatThrownBy(() -> AppendOnlyTree.nodesToAppend((l, i) -> new byte[32], -1, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size=-1");
    }
}
