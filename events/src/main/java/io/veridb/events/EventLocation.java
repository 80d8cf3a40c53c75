package io.veridb.events;

/**
 * Where an event is in the ledger.
 *
 * @param position the event position
 * @param txId the ledger transaction holding it
 * @param entryIndex its entry index in that transaction
 */
public record EventLocation(long position, long txId, int entryIndex) {}
