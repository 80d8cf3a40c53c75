/**
 * Java client for the DCB event store API ({@code umadb.v1.DCB}) served by VeriDB and UmaDB.
 *
 * <p>{@link io.veridb.client.dcb.EventStoreClient} appends events under an optional append condition, reads and
 * subscribes with queries, and reports the head and tracking positions. Server errors arrive as the typed
 * subclasses of {@link io.veridb.client.dcb.DcbException}, decoded from the raw {@code umadb.v1.ErrorResponse} in
 * the {@code grpc-status-details-bin} trailer. Single events can be proven against a trusted ledger state through
 * VeriDB's {@code veridb.v1.EventProofs} service ({@link io.veridb.client.VerifiedEvents}).
 */
package io.veridb.client.dcb;
