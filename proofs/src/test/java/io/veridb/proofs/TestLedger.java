package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;

/** A minimal in-memory chain for tests: commits entry digests, keeps headers and the Alh tree. */
final class TestLedger implements HeaderSource {

    private final List<TxHeader> headers = new ArrayList<>();
    private final List<List<byte[]>> digests = new ArrayList<>();
    private final MemoryTree tree = new MemoryTree();

    /** Commits a transaction whose entries have the given digests; blTxId = id − 1 as VeriDB requires. */
    TxHeader commit(int version, long ts, TxMetadata md, List<byte[]> entryDigests) {
        long id = headers.size() + 1L;
        byte[] prevAlh = headers.isEmpty() ? Hashes.empty() : headers.get(headers.size() - 1).alh();
        long blTxId = id - 1;
        byte[] blRoot = blTxId == 0 ? Hashes.zero() : AppendOnlyTree.root(tree, blTxId);
        TxHeader h = new TxHeader(id, prevAlh, ts, version, md, entryDigests.size(),
                EntriesTree.root(entryDigests), blTxId, blRoot);
        headers.add(h);
        digests.add(List.copyOf(entryDigests));
        tree.append(h.alh());
        return h;
    }

    @Override
    public TxHeader header(long id) {
        return headers.get((int) (id - 1));
    }

    List<byte[]> digests(long id) {
        return digests.get((int) (id - 1));
    }

    long size() {
        return headers.size();
    }

    MemoryTree tree() {
        return tree;
    }

    @Override
    public byte[] alh(long id) {
        return id == 0 ? Hashes.empty() : header(id).alh();
    }
}
