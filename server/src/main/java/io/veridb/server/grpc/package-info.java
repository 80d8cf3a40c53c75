/** Threading helpers shared by the gRPC faces (immudb and DCB): where a call continues once its commit is durable. */
package io.veridb.server.grpc;
