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
                keys.add(keysAsStored(event, record));
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

    /**
     * The keys a replay reads back from the stored record: the index rows built from them must equal a replay's.
     * ASCII strings survive UTF-8 encoding unchanged, so then they are the event's own (the common case, with no
     * decoding); any other string is read back, because one with an unpaired surrogate does not.
     */
    static EventKeys keysAsStored(DcbEvent event, EventRecord record) {
        if (!isAscii(event.type()) || event.uuid() != null && !isAscii(event.uuid())) {
            return record.keys();
        }
        for (String tag : event.tags()) {
            if (!isAscii(tag)) {
                return record.keys();
            }
        }
        return new EventKeys(event.type(), event.tags(), event.uuid());
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
