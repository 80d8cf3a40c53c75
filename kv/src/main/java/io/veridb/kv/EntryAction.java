package io.veridb.kv;

/** What a transaction read returns for one kind of entry (the immudb {@code EntryTypeAction}). */
public enum EntryAction {
    /** Leave the entry out. */
    EXCLUDE,
    /** The raw entry: prefixed key, metadata, value hash and length. */
    ONLY_DIGEST,
    /** The raw entry plus its stored (prefixed) value. */
    RAW_VALUE,
    /** The decoded entry: a key/value {@link KvEntry} or a sorted-set {@link ZEntry}. */
    RESOLVE
}
