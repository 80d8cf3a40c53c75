package io.veridb.server.db;

import com.google.protobuf.InvalidProtocolBufferException;
import io.veridb.kv.KvEntry;
import io.veridb.kv.KvStore;
import io.veridb.kv.KvWrite;
import io.veridb.kv.ScanQuery;
import io.veridb.protocol.immudb.DatabaseInfo;
import io.veridb.server.auth.User;
import io.veridb.server.auth.UserStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Users and database settings, kept as ordinary immudb KV entries in {@code systemdb}, so every change is a
 * verifiable transaction:
 *
 * <pre>
 * key "veridb/user/" + name → {@link UserRecords} text
 * key "veridb/db/" + name   → protobuf DatabaseInfo {name, settings, created_at, created_by}
 * </pre>
 *
 * A deleted database's key gets a delete marker. Thread-safe (the KV store is).
 */
final class SystemCatalog implements UserStore {
    static final String USER_PREFIX = "veridb/user/";
    static final String DB_PREFIX = "veridb/db/";

    /** Pages shorter than this are the last one (the store returns up to its default 2500 per page). */
    private static final int PAGE_HINT = 2500;

    private final KvStore kv;

    SystemCatalog(KvStore kv) {
        this.kv = kv;
    }

    @Override
    public List<User> loadUsers() {
        List<User> users = new ArrayList<>();
        for (KvEntry e : scanAll(USER_PREFIX)) {
            users.add(UserRecords.decode(e.value()));
        }
        return users;
    }

    @Override
    public void saveUser(User user) {
        put(USER_PREFIX + user.name(), UserRecords.encode(user));
    }

    List<DatabaseInfo> loadDatabases() {
        List<DatabaseInfo> out = new ArrayList<>();
        for (KvEntry e : scanAll(DB_PREFIX)) {
            try {
                out.add(DatabaseInfo.parseFrom(e.value()));
            } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException("systemdb entry " + new String(e.key(), StandardCharsets.UTF_8)
                        + " (tx " + e.tx() + ") is not a DatabaseInfo", ex);
            }
        }
        return out;
    }

    void saveDatabase(DatabaseInfo info) {
        put(DB_PREFIX + info.getName(), info.toByteArray());
    }

    void deleteDatabase(String name) {
        kv.delete(List.of(key(DB_PREFIX + name)), 0);
    }

    private void put(String key, byte[] value) {
        kv.set(List.of(new KvWrite(key(key), value)), List.of());
    }

    /** Every live entry under {@code prefix}, paging past the store's result-size limit. */
    private List<KvEntry> scanAll(String prefix) {
        List<KvEntry> all = new ArrayList<>();
        byte[] seek = new byte[0];
        while (true) {
            ScanQuery q = new ScanQuery(key(prefix), seek, new byte[0], seek.length == 0, true, false, 0, 0, 0,
                    false);
            List<KvEntry> page = kv.scan(q);
            all.addAll(page);
            if (page.isEmpty() || page.size() < PAGE_HINT) {
                return all;
            }
            seek = page.get(page.size() - 1).key();
        }
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
