package io.veridb.server.immu.kv;

import io.veridb.kv.EntriesSpec;
import io.veridb.kv.EntryAction;
import io.veridb.kv.GetQuery;
import io.veridb.kv.HistoryQuery;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvErrors;
import io.veridb.kv.KvException;
import io.veridb.kv.KvWrite;
import io.veridb.kv.Op;
import io.veridb.kv.Precondition;
import io.veridb.kv.RefSpec;
import io.veridb.kv.ScanQuery;
import io.veridb.kv.TxQuery;
import io.veridb.kv.TxScanQuery;
import io.veridb.kv.ZAddSpec;
import io.veridb.kv.ZScanQuery;
import io.veridb.proofs.KvMetadata;
import io.veridb.protocol.immudb.EntryTypeSpec;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.TxScanRequest;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZScanRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Request messages to kv domain values. proto3 {@code uint64} values above {@code Long.MAX_VALUE} arrive negative:
 * a negative limit is treated as "too large" (result size limit exceeded), any other negative count as illegal
 * arguments. Stateless.
 */
final class FromProto {

    private FromProto() {}

    static KvMetadata metadata(boolean present, KVMetadata md) {
        if (!present) {
            return KvMetadata.NONE;
        }
        OptionalLong expiresAt = md.hasExpiration()
                ? OptionalLong.of(md.getExpiration().getExpiresAt())
                : OptionalLong.empty();
        return new KvMetadata(md.getDeleted(), expiresAt, md.getNonIndexable());
    }

    static KvWrite kv(KeyValue kv) {
        return new KvWrite(kv.getKey().toByteArray(), kv.getValue().toByteArray(),
                metadata(kv.hasMetadata(), kv.getMetadata()));
    }

    static List<KvWrite> kvs(List<KeyValue> kvs) {
        List<KvWrite> out = new ArrayList<>(kvs.size());
        for (KeyValue kv : kvs) {
            out.add(kv(kv));
        }
        return out;
    }

    static List<Precondition> preconditions(List<io.veridb.protocol.immudb.Precondition> list) {
        List<Precondition> out = new ArrayList<>(list.size());
        for (io.veridb.protocol.immudb.Precondition p : list) {
            if (p.hasKeyMustExist()) {
                out.add(new Precondition.KeyMustExist(p.getKeyMustExist().getKey().toByteArray()));
            } else if (p.hasKeyMustNotExist()) {
                out.add(new Precondition.KeyMustNotExist(p.getKeyMustNotExist().getKey().toByteArray()));
            } else if (p.hasKeyNotModifiedAfterTX()) {
                out.add(new Precondition.KeyNotModifiedAfterTx(p.getKeyNotModifiedAfterTX().getKey().toByteArray(),
                        p.getKeyNotModifiedAfterTX().getTxID()));
            } else {
                throw new KvException(KvErrorCode.INVALID_ARGUMENT, KvErrors.INVALID_PRECONDITION + ": null");
            }
        }
        return out;
    }

    static RefSpec ref(ReferenceRequest r) {
        return new RefSpec(r.getKey().toByteArray(), r.getReferencedKey().toByteArray(), txId(r.getAtTx()),
                r.getBoundRef());
    }

    static ZAddSpec zAdd(ZAddRequest z) {
        return new ZAddSpec(z.getSet().toByteArray(), z.getScore(), z.getKey().toByteArray(), txId(z.getAtTx()),
                z.getBoundRef());
    }

    static List<Op> ops(List<io.veridb.protocol.immudb.Op> list) {
        List<Op> out = new ArrayList<>(list.size());
        for (io.veridb.protocol.immudb.Op op : list) {
            if (op.hasKv()) {
                out.add(kv(op.getKv()));
            } else if (op.hasZAdd()) {
                out.add(zAdd(op.getZAdd()));
            } else if (op.hasRef()) {
                out.add(ref(op.getRef()));
            } else {
                throw new KvException(KvErrorCode.INVALID_ARGUMENT, KvErrors.ILLEGAL_ARGUMENTS);
            }
        }
        return out;
    }

    static GetQuery get(KeyRequest r) {
        return new GetQuery(r.getKey().toByteArray(), txId(r.getAtTx()), txId(r.getSinceTx()), r.getNoWait(),
                r.getAtRevision());
    }

    static ScanQuery scan(ScanRequest r) {
        return new ScanQuery(r.getPrefix().toByteArray(), r.getSeekKey().toByteArray(), r.getEndKey().toByteArray(),
                r.getInclusiveSeek(), r.getInclusiveEnd(), r.getDesc(), limit(r.getLimit()), count(r.getOffset()),
                txId(r.getSinceTx()), r.getNoWait());
    }

    static HistoryQuery history(HistoryRequest r) {
        return new HistoryQuery(r.getKey().toByteArray(), count(r.getOffset()), r.getLimit(), r.getDesc(),
                txId(r.getSinceTx()));
    }

    static ZScanQuery zScan(ZScanRequest r) {
        OptionalDouble min = r.hasMinScore() ? OptionalDouble.of(r.getMinScore().getScore()) : OptionalDouble.empty();
        OptionalDouble max = r.hasMaxScore() ? OptionalDouble.of(r.getMaxScore().getScore()) : OptionalDouble.empty();
        return new ZScanQuery(r.getSet().toByteArray(), r.getSeekKey().toByteArray(), r.getSeekScore(),
                txId(r.getSeekAtTx()), r.getInclusiveSeek(), limit(r.getLimit()), r.getDesc(), min, max,
                txId(r.getSinceTx()), r.getNoWait(), count(r.getOffset()));
    }

    static TxQuery tx(TxRequest r) {
        return new TxQuery(txId(r.getTx()), spec(r.hasEntriesSpec(), r.getEntriesSpec()), txId(r.getSinceTx()),
                r.getNoWait(), r.getKeepReferencesUnresolved());
    }

    static TxQuery tx(VerifiableTxRequest r) {
        return new TxQuery(txId(r.getTx()), spec(r.hasEntriesSpec(), r.getEntriesSpec()), txId(r.getSinceTx()),
                r.getNoWait(), r.getKeepReferencesUnresolved());
    }

    static TxScanQuery txScan(TxScanRequest r) {
        return new TxScanQuery(txId(r.getInitialTx()), Integer.toUnsignedLong(r.getLimit()), r.getDesc(),
                spec(r.hasEntriesSpec(), r.getEntriesSpec()), txId(r.getSinceTx()), r.getNoWait());
    }

    /** Absent spec: every entry raw; a present spec with an absent kind: that kind excluded (as immudb). */
    static EntriesSpec spec(boolean present, io.veridb.protocol.immudb.EntriesSpec s) {
        if (!present) {
            return EntriesSpec.ALL_DIGESTS;
        }
        return new EntriesSpec(action(s.hasKvEntriesSpec(), s.getKvEntriesSpec()),
                action(s.hasZEntriesSpec(), s.getZEntriesSpec()),
                action(s.hasSqlEntriesSpec(), s.getSqlEntriesSpec()));
    }

    private static EntryAction action(boolean present, EntryTypeSpec spec) {
        if (!present) {
            return EntryAction.EXCLUDE;
        }
        return switch (spec.getAction()) {
            case EXCLUDE -> EntryAction.EXCLUDE;
            case ONLY_DIGEST -> EntryAction.ONLY_DIGEST;
            case RAW_VALUE -> EntryAction.RAW_VALUE;
            case RESOLVE -> EntryAction.RESOLVE;
            default -> throw new KvException(KvErrorCode.INVALID_ARGUMENT, KvErrors.ILLEGAL_ARGUMENTS);
        };
    }

    /** An unsigned 64-bit limit; values beyond {@code Long.MAX_VALUE} become {@code Long.MAX_VALUE}. */
    static long limit(long unsigned) {
        return unsigned < 0 ? Long.MAX_VALUE : unsigned;
    }

    private static long count(long unsigned) {
        if (unsigned < 0) {
            throw new KvException(KvErrorCode.INVALID_ARGUMENT, KvErrors.ILLEGAL_ARGUMENTS);
        }
        return unsigned;
    }

    private static long txId(long unsigned) {
        return count(unsigned);
    }
}
