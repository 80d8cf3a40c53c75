package io.veridb.events;

import java.util.List;

/**
 * The text of a failed condition, in the shape UmaDB prints (Rust debug notation), so that operators and
 * clients see the same thing from both servers. Data longer than {@value #MAX_DATA_BYTES} bytes is cut.
 */
final class ConditionText {
    static final int MAX_DATA_BYTES = 256;

    private ConditionText() {}

    static String failed(AppendCondition condition, long position, EventRecord matched) {
        StringBuilder b = new StringBuilder(256);
        b.append("condition: DcbAppendCondition { fail_if_events_match: DcbQuery { items: [");
        List<QueryItem> items = condition.failIfEventsMatch().items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append("DcbQueryItem { types: ");
            strings(b, items.get(i).types());
            b.append(", tags: ");
            strings(b, items.get(i).tags());
            b.append(" }");
        }
        b.append("] }, after: ");
        b.append(condition.after() == 0 ? "None" : "Some(" + Long.toUnsignedString(condition.after()) + ")");
        b.append(" } matched: DcbSequencedEvent { position: ").append(position).append(", event: ");
        event(b, matched.event());
        b.append(", tracking_info: ");
        TrackingInfo t = matched.tracking();
        if (t == null) {
            b.append("None");
        } else {
            b.append("Some(TrackingInfo { source: ");
            quoted(b, t.source());
            b.append(", position: ").append(t.positionText()).append(" })");
        }
        return b.append(" }, ").toString();
    }

    private static void event(StringBuilder b, DcbEvent e) {
        b.append("DcbEvent { event_type: ");
        quoted(b, e.type());
        b.append(", tags: ");
        strings(b, e.tags());
        b.append(", data: [");
        byte[] data = e.data();
        int n = Math.min(data.length, MAX_DATA_BYTES);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(data[i] & 0xFF);
        }
        if (n < data.length) {
            b.append(", … (").append(data.length).append(" bytes)");
        }
        b.append("], uuid: ").append(e.uuid() == null ? "None" : "Some(" + e.uuid() + ")");
        b.append(", metadata: [");
        for (int i = 0; i < e.metadata().size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append('(');
            quoted(b, e.metadata().get(i).key());
            b.append(", ");
            quoted(b, e.metadata().get(i).value());
            b.append(')');
        }
        b.append("] }");
    }

    private static void strings(StringBuilder b, List<String> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            quoted(b, values.get(i));
        }
        b.append(']');
    }

    private static void quoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }
}
