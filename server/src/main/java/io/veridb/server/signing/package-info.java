/** PEM key loading (JDK only) and ECDSA P-256 state signing with the server's {@code signingKey}. */
package io.veridb.server.signing;
