package io.veridb.server.dcb;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.veridb.events.DcbException;

/**
 * UmaDB has no database names; a VeriDB client may name the database it expects in the {@code veridb-database}
 * header. A name other than the one this face serves fails INVALID_ARGUMENT instead of silently using another
 * database. Absent header: the face's database.
 */
final class DatabaseInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> DATABASE = Metadata.Key.of("veridb-database", Metadata.ASCII_STRING_MARSHALLER);
    private final String database;

    DatabaseInterceptor(String database) {
        this.database = database;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String named = headers.get(DATABASE);
        if (named == null || named.equals(database)) {
            return next.startCall(call, headers);
        }
        StatusRuntimeException unknown = DcbStatus.of(DcbException.invalidArgument("unknown database '" + named
                + "': this DCB endpoint serves '" + database + "'"));
        call.close(unknown.getStatus(), unknown.getTrailers());
        return new ServerCall.Listener<>() {};
    }
}
