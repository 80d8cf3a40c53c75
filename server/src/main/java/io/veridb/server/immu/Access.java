package io.veridb.server.immu;

/** What an RPC requires of its caller before the handler runs. */
enum Access {
    /** No credentials: Login, OpenSession, Health, ServerInfo and the UNIMPLEMENTED RPCs. */
    OPEN,
    /** A {@code sessionid} header naming a live session: KeepAlive, CloseSession. */
    SESSION,
    /** Any logged-in caller; the handler applies immudb's own rules (user and database management). */
    LOGGED_IN,
    /** A selected, non-system database with permission 1, 2, 254 or 255. */
    READ,
    /** A selected, non-system database with permission 2, 254 or 255. */
    WRITE,
    /** A selected, non-system database with permission 254 or 255. */
    ADMIN
}
