package io.veridb.client.dcb;

import com.google.protobuf.ByteString;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.MetadataEntry;
import io.veridb.protocol.umadb.v1.Query;
import io.veridb.protocol.umadb.v1.QueryItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps between the DCB value types and {@code umadb.v1} messages. */
final class DcbProtos {

    private DcbProtos() {}

    static Event event(DcbEvent e) {
        Event.Builder b = Event.newBuilder().setEventType(e.type()).addAllTags(e.tags())
                .setData(ByteString.copyFrom(e.data())).setUuid(e.uuid());
        e.metadata().forEach((k, v) -> b.addMetadata(MetadataEntry.newBuilder().setKey(k).setValue(v)));
        return b.build();
    }

    static DcbEvent event(Event e) {
        Map<String, String> md = new LinkedHashMap<>();
        for (MetadataEntry m : e.getMetadataList()) {
            md.put(m.getKey(), m.getValue());
        }
        return new DcbEvent(e.getEventType(), e.getTagsList(), e.getData().toByteArray(), e.getUuid(), md);
    }

    static SequencedEvent sequenced(io.veridb.protocol.umadb.v1.SequencedEvent s) {
        Optional<TrackingInfo> tracking = s.hasTrackingInfo()
                ? Optional.of(trackingInfo(s.getTrackingInfo()))
                : Optional.empty();
        return new SequencedEvent(s.getPosition(), event(s.getEvent()), tracking);
    }

    static List<SequencedEvent> sequenced(List<io.veridb.protocol.umadb.v1.SequencedEvent> list) {
        List<SequencedEvent> out = new ArrayList<>(list.size());
        for (io.veridb.protocol.umadb.v1.SequencedEvent s : list) {
            out.add(sequenced(s));
        }
        return out;
    }

    static Query query(DcbQuery q) {
        Query.Builder b = Query.newBuilder();
        for (DcbQueryItem i : q.items()) {
            b.addItems(QueryItem.newBuilder().addAllTypes(i.types()).addAllTags(i.tags()));
        }
        return b.build();
    }

    static io.veridb.protocol.umadb.v1.AppendCondition condition(AppendCondition c) {
        io.veridb.protocol.umadb.v1.AppendCondition.Builder b = io.veridb.protocol.umadb.v1.AppendCondition
                .newBuilder();
        c.failIfEventsMatch().ifPresent(q -> b.setFailIfEventsMatch(query(q)));
        c.after().ifPresent(b::setAfter);
        return b.build();
    }

    static io.veridb.protocol.umadb.v1.TrackingInfo trackingInfo(TrackingInfo t) {
        return io.veridb.protocol.umadb.v1.TrackingInfo.newBuilder().setSource(t.source())
                .setPosition(t.position()).build();
    }

    static TrackingInfo trackingInfo(io.veridb.protocol.umadb.v1.TrackingInfo t) {
        return new TrackingInfo(t.getSource(), t.getPosition());
    }
}
