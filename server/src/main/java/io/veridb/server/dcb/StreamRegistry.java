package io.veridb.server.dcb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open Read/Subscribe streams of one face, so shutdown can end each with OK. Thread-safe. */
final class StreamRegistry {
    private final Set<StreamCall> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Adds a call; false once the registry is closed (the call should end at once). */
    boolean add(StreamCall call) {
        open.add(call);
        if (closed) {
            open.remove(call);
            return false;
        }
        return true;
    }

    void remove(StreamCall call) {
        open.remove(call);
    }

    int size() {
        return open.size();
    }

    /** Refuses new calls and ends every open one with OK. */
    void closeAll() {
        closed = true;
        for (StreamCall call : new ArrayList<>(List.copyOf(open))) {
            call.finishOk();
        }
    }
}
