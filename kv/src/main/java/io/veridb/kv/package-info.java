/**
 * The immudb key/value data model on a {@code io.veridb.ledger.Ledger} (protocol spec §2.7, §3.1, §3.8).
 *
 * <p>Entry point: {@link io.veridb.kv.KvStore}, one per database. It adds and strips the stored prefixes
 * ({@link io.veridb.kv.KvEncoding}), hides deleted and expired versions, follows references one level, keeps
 * sorted sets in the order of their encoded member keys, checks preconditions atomically inside the ledger's
 * writer, and builds the verifiable replies (raw transaction, dual proof, entry inclusion proof).
 *
 * <p>Errors are {@link io.veridb.kv.KvException} with a {@link io.veridb.kv.KvErrorCode} and immudb's exact text
 * ({@link io.veridb.kv.KvErrors}); the server maps the code to a gRPC status in one place.
 */
package io.veridb.kv;
