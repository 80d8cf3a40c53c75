package io.veridb.kv;

/** One operation of an {@code ExecAll} transaction: a key/value write, a sorted-set add or a reference. */
public sealed interface Op permits KvWrite, ZAddSpec, RefSpec {}
