/**
 * Translation of immudb's data RPCs between protobuf messages and the kv data model.
 *
 * <p>{@link io.veridb.server.immu.kv.KvRpcs} serves the unary RPCs and
 * {@link io.veridb.server.immu.kv.KvStreams} the streaming ones with immudb's chunk framing
 * ({@link io.veridb.server.immu.kv.ChunkFraming}). Both are built per call from the caller's database
 * ({@code KvStore}, stored name) and a {@link io.veridb.server.immu.kv.StateSigner}. Domain errors leave as
 * {@code io.veridb.kv.KvException}; this package never builds a gRPC {@code Status}.
 */
package io.veridb.server.immu.kv;
