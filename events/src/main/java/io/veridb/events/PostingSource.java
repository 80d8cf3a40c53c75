package io.veridb.events;

/**
 * Opens posting cursors. Implemented over the committed event index (RocksDB through the ledger), over the
 * pending events of the current write batch, and by the composition of both for the writer.
 */
interface PostingSource {
    /**
     * Opens a cursor over the positions of events with this tag or type.
     *
     * @param backwards direction of the cursor
     */
    PostingCursor open(PostingKind kind, String name, boolean backwards);
}
