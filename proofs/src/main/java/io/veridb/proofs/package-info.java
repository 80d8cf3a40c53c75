/**
 * Pure hashing and proof math, byte-for-byte compatible with immudb (protocol spec §3 and §4).
 *
 * <p>JDK only: no files, sockets or threads (enforced by an ArchUnit test). All hashes are SHA-256, 32 bytes;
 * integers are big-endian. Byte arrays passed in are copied and arrays handed out are copies, so every record
 * here is immutable and thread-safe; static functions are stateless. Caller bugs throw
 * {@link java.lang.IllegalArgumentException} naming the offending value and its limit; a proof that does not
 * verify is a {@link io.veridb.proofs.Verification} value, never an exception.
 *
 * <p>Entry points: {@link io.veridb.proofs.EntryDigest} and {@link io.veridb.proofs.EntriesTree} (per-transaction
 * tree), {@link io.veridb.proofs.TxHeader} (inner hash, Alh chain), {@link io.veridb.proofs.AppendOnlyTree} with
 * {@link io.veridb.proofs.TreeNodes} and {@link io.veridb.proofs.NodeLayout} (the tree over Alh values),
 * {@link io.veridb.proofs.DualProofs} and {@link io.veridb.proofs.LinearProofs}, and
 * {@link io.veridb.proofs.StateSignatures}.
 */
package io.veridb.proofs;
