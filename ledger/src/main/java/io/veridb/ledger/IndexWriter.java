package io.veridb.ledger;

/**
 * Where a {@link SecondaryIndex} puts its records. Keys order as unsigned bytes. Writes are applied atomically
 * with the key index of the same batch. Arrays are copied.
 */
public interface IndexWriter {

    void put(byte[] key, byte[] value);

    void delete(byte[] key);
}
