/**
 * immudb's {@code immudb.schema.ImmuService}: authentication and per-RPC permissions in an interceptor, sessions,
 * tokens, users and databases here, data RPCs delegated to {@code immu.kv}, and the single mapping of domain errors
 * to gRPC statuses ({@link io.veridb.server.immu.ErrorMapper}).
 */
package io.veridb.server.immu;
