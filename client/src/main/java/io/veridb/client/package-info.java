/**
 * Java SDK for VeriDB's immudb face ({@code immudb.schema.ImmuService}).
 *
 * <p>{@link io.veridb.client.VeriClient} is the entry point: plain key/value, sorted-set, transaction and admin
 * calls, and the {@code verified*} calls that check the server's proofs with {@code io.veridb.proofs} before
 * trusting a result. The client keeps a trusted state per (server UUID, database) in a
 * {@link io.veridb.client.StateStore} and moves it forward only after a successful verification. The DCB event
 * store client lives in {@code io.veridb.client.dcb}.
 */
package io.veridb.client;
