package io.veridb.events;

import io.veridb.ledger.SecondaryIndexReader;

/**
 * What a preparer needs of its store.
 *
 * @param batch the writer-thread batch state
 * @param index the committed event index
 * @param loader committed record reads
 * @param lastPositions last committed positions of recent names (writer thread only)
 */
record StoreContext(WriterBatch batch, SecondaryIndexReader index, RecordLoader loader,
        LastPositions lastPositions) {}
