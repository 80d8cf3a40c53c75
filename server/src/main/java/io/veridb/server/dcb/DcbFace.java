package io.veridb.server.dcb;

import io.grpc.ServerServiceDefinition;
import io.veridb.ledger.Ledger;
import java.util.List;

/**
 * The UmaDB-compatible DCB face of one database: umadb.v1.DCB, the legacy umadb.UmaDBService paths, VeriDB's
 * event-proof service and gRPC health.
 */
public final class DcbFace implements AutoCloseable {
    private final Ledger ledger;
    private final DcbSettings settings;

    private DcbFace(Ledger ledger, DcbSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    /** Builds the face over an open ledger; the caller keeps ownership of the ledger. */
    public static DcbFace create(Ledger ledger, DcbSettings settings) {
        return new DcbFace(ledger, settings);
    }

    /** The services to register on a gRPC server (API-key interceptor applied where configured). */
    public List<ServerServiceDefinition> services() {
        return List.of();
    }

    /** Marks health NOT_SERVING and ends every open Read/Subscribe stream with OK. */
    @Override
    public void close() {}
}
