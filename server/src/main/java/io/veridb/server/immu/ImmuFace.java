package io.veridb.server.immu;

import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/** The immudb face: {@code immudb.schema.ImmuService} with its interceptors (identity header, auth, unsupported). */
public final class ImmuFace {
    private ImmuFace() {}

    /** The service definition to register on the main port. */
    public static ServerServiceDefinition service(ImmuContext ctx) {
        // The last interceptor runs first: identity header on everything, then unsupported RPCs, then auth.
        return ServerInterceptors.intercept(new ImmuServiceImpl(ctx),
                new AuthInterceptor(ctx.authenticator(), ctx.maintenance(), ctx.devmode()),
                new UnsupportedInterceptor(),
                new UuidInterceptor(ctx.uuid()));
    }
}
