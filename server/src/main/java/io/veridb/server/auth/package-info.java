/**
 * Authentication and authorisation as immudb does it: users with bcrypt password hashes and permissions per
 * database, sessions ({@code sessionid} header) with an idle timeout, opaque login tokens ({@code authorization:
 * Bearer}) with an expiry, immudb's user-management rules, and VeriDB's server-side password policy. No gRPC here:
 * failures are {@link io.veridb.server.auth.AuthException}s mapped to statuses by the immu package.
 */
package io.veridb.server.auth;
