/** The persistent server identity (immudb-style xid in {@code immudb.identifier}). */
package io.veridb.server.identity;
