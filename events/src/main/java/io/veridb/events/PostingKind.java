package io.veridb.events;

/** The two posting-list families of the event index. */
enum PostingKind {
    TAG((byte) 'G'),
    TYPE((byte) 'Y');

    final byte code;

    PostingKind(byte code) {
        this.code = code;
    }
}
