package io.veridb.cli.client;

import io.veridb.cli.support.Fields;
import io.veridb.client.DatabaseState;
import io.veridb.client.KvEntry;
import io.veridb.client.SortedSetEntry;
import io.veridb.client.TxEntryRecord;
import io.veridb.client.TxRecord;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/** How client results look: the fields of entries, sorted-set members, transactions and states. Pure. */
final class Render {

    private static final HexFormat HEX = HexFormat.of();

    private Render() {}

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Unix seconds as an ISO-8601 instant. */
    static String time(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).toString();
    }

    static Fields entry(KvEntry e) {
        Fields f = Fields.of().put("tx", e.tx()).put("revision", e.revision()).bytes("key", e.key())
                .bytes("value", e.value());
        if (e.expired()) {
            f.put("expired", true);
        }
        metadata(f, e.metadata());
        e.referencedBy().ifPresent(r -> f.put("referencedBy", Fields.of().bytes("key", r.key()).put("tx", r.tx())
                .put("atTx", r.atTx()).put("revision", r.revision())));
        return f;
    }

    static Fields zEntry(SortedSetEntry z) {
        return Fields.of().bytes("set", z.set()).put("score", z.score()).bytes("key", z.key())
                .put("atTx", z.atTx()).put("tx", z.entry().tx()).bytes("value", z.entry().value());
    }

    static void metadata(Fields f, KvMetadata md) {
        if (md.deleted()) {
            f.put("deleted", true);
        }
        md.expiresAt().ifPresent(t -> f.put("expiresAt", time(t)));
        if (md.nonIndexable()) {
            f.put("nonIndexable", true);
        }
    }

    static Fields header(TxHeader h) {
        return Fields.of().put("tx", h.id()).put("time", time(h.ts())).put("version", h.version())
                .put("nentries", h.nentries()).put("eH", hex(h.eH())).put("prevAlh", hex(h.prevAlh()))
                .put("alh", hex(h.alh())).put("blTxId", h.blTxId()).put("blRoot", hex(h.blRoot()));
    }

    static Fields tx(TxRecord tx) {
        Fields f = header(tx.header());
        f.list("entries", tx.entries().stream().map(Render::txEntry).toList());
        return f;
    }

    /** A raw entry: its data-model kind, the user key for key/value entries, and its value hash. */
    static Fields txEntry(TxEntryRecord e) {
        byte[] key = e.key();
        Fields f = Fields.of();
        if (key.length > 0 && key[0] == 0x00) {
            f.put("kind", "kv").bytes("key", Arrays.copyOfRange(key, 1, key.length));
        } else if (key.length > 0 && key[0] == 0x01) {
            f.put("kind", "zset").put("storedKey", hex(key));
        } else {
            f.put("kind", "other").put("storedKey", hex(key));
        }
        f.put("hValue", hex(e.hValue())).put("vLen", e.vLen());
        metadata(f, e.metadata());
        return f;
    }

    static Fields state(DatabaseState s) {
        Fields f = Fields.of().put("database", s.database()).put("txId", s.txId()).put("alh", hex(s.alh()));
        if (s.signature().length > 0) {
            f.put("signature", hex(s.signature()));
        }
        return f;
    }
}
