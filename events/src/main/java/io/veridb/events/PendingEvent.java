package io.veridb.events;

/**
 * An event of the batch being prepared (accepted, not yet durable).
 *
 * @param position its position
 * @param record its stored record
 * @param keys its type, tags and uuid
 */
record PendingEvent(long position, EventRecord record, EventKeys keys) {}
