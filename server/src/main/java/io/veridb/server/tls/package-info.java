/** TLS and mutual TLS contexts for the gRPC listeners. */
package io.veridb.server.tls;
