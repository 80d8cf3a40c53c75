package io.veridb.server.dcb;

import io.veridb.events.AppendCondition;
import io.veridb.events.AppendRequest;
import io.veridb.events.DcbEvent;
import io.veridb.events.MetadataEntry;
import io.veridb.events.Query;
import io.veridb.events.QueryItem;
import io.veridb.events.TrackingInfo;
import io.veridb.events.Uuids;
import io.veridb.protocol.umadb.v1.Event;
import java.util.ArrayList;
import java.util.List;

/** umadb.v1 request messages to the events model; proto3 presence ({@code hasX()}) is honoured throughout. */
final class ProtoConverter {
    private ProtoConverter() {}

    /**
     * Converts an append request.
     *
     * @throws io.veridb.events.DcbException DESERIALIZATION "Invalid UUID in Event" for an unparsable uuid
     */
    static AppendRequest append(io.veridb.protocol.umadb.v1.AppendRequest request) {
        List<DcbEvent> events = new ArrayList<>(request.getEventsCount());
        for (Event event : request.getEventsList()) {
            events.add(event(event));
        }
        AppendCondition condition = null;
        if (request.hasCondition()) {
            io.veridb.protocol.umadb.v1.AppendCondition c = request.getCondition();
            Query query = c.hasFailIfEventsMatch() ? query(c.getFailIfEventsMatch()) : Query.ALL;
            condition = new AppendCondition(query, c.hasAfter() ? c.getAfter() : 0L);
        }
        TrackingInfo tracking = request.hasTrackingInfo()
                ? new TrackingInfo(request.getTrackingInfo().getSource(), request.getTrackingInfo().getPosition())
                : null;
        return new AppendRequest(events, condition, tracking);
    }

    static DcbEvent event(Event event) {
        List<MetadataEntry> metadata = new ArrayList<>(event.getMetadataCount());
        for (io.veridb.protocol.umadb.v1.MetadataEntry entry : event.getMetadataList()) {
            metadata.add(new MetadataEntry(entry.getKey(), entry.getValue()));
        }
        return new DcbEvent(event.getEventType(), event.getTagsList(), event.getData().toByteArray(),
                Uuids.normalize(event.getUuid()), metadata);
    }

    /** A query; an absent query means {@link Query#ALL}. */
    static Query query(io.veridb.protocol.umadb.v1.Query query) {
        List<QueryItem> items = new ArrayList<>(query.getItemsCount());
        for (io.veridb.protocol.umadb.v1.QueryItem item : query.getItemsList()) {
            items.add(new QueryItem(item.getTypesList(), item.getTagsList()));
        }
        return new Query(items);
    }
}
