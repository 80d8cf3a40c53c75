package io.veridb.events;

import java.util.ArrayList;
import java.util.List;

/**
 * An append request encoded and validated on the caller's thread, ready for the writer.
 *
 * @param request the request
 * @param encoded the stored records, one per event
 * @param records the same records, parsed
 * @param keys type, tags and uuid per event
 * @param validationError the first validation failure (raised after the condition, as UmaDB orders it), or null
 */
record EncodedAppend(AppendRequest request, List<byte[]> encoded, List<EventRecord> records, List<EventKeys> keys,
        DcbException validationError) {

    /**
     * Encodes every event with the request's tracking info and validates limits.
     *
     * @param maxTxEntries the ledger's entry limit per transaction (events plus one tracking entry)
     */
    static EncodedAppend of(AppendRequest request, int maxTxEntries) {
        List<DcbEvent> events = request.events();
        List<byte[]> encoded = new ArrayList<>(events.size());
        List<EventRecord> records = new ArrayList<>(events.size());
        List<EventKeys> keys = new ArrayList<>(events.size());
        DcbException error = null;
        for (int i = 0; i < events.size(); i++) {
            DcbEvent event = events.get(i);
            if (error == null) {
                error = EventLimits.check(event, i, EventRecord.eventSize(event));
            }
            if (error == null) {
                byte[] bytes = EventRecord.encode(event, request.tracking());
                EventRecord record = EventRecord.parse(bytes);
                encoded.add(bytes);
                records.add(record);
                // as read back from the stored bytes: the index rows built from them must equal a replay's
                keys.add(record.keys());
            } else {
                keys.add(new EventKeys(event.type(), event.tags(), event.uuid()));
            }
        }
        if (error == null && request.tracking() != null) {
            error = EventLimits.checkTracking(request.tracking());
        }
        int entries = events.size() + (request.tracking() != null ? 1 : 0);
        if (error == null && entries > maxTxEntries) {
            int maxEvents = request.tracking() != null ? maxTxEntries - 1 : maxTxEntries;
            error = DcbException.invalidArgument("append has " + events.size() + " events, exceeding the maximum of "
                    + maxEvents + " events per append" + (request.tracking() != null ? " with tracking info" : ""));
        }
        if (error != null) {
            encoded.clear();
            records.clear();
        }
        return new EncodedAppend(request, List.copyOf(encoded), List.copyOf(records), List.copyOf(keys), error);
    }
}
