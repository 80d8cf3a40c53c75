package io.veridb.client;

import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.Score;
import io.veridb.protocol.immudb.TxScanRequest;
import io.veridb.protocol.immudb.ZEntry;
import io.veridb.protocol.immudb.ZScanRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The paged listings (Scan, History, ZScan, TxScan) as lazy iterators, each page at most
 * {@link VeriClient#MAX_PAGE_SIZE} items. Scan and ZScan continue with an exclusive seek after the last item,
 * so pages stay correct while keys are added; History pages by offset; TxScan by transaction id.
 */
final class Reads {

    private final ImmuRpc rpc;

    Reads(ImmuRpc rpc) {
        this.rpc = rpc;
    }

    Iterator<KvEntry> scan(ScanOptions o) {
        return new PagedIterator<KvEntry>((last, fetched, want) -> {
            ScanRequest.Builder b = ScanRequest.newBuilder()
                    .setPrefix(Protos.bytes(o.prefix()))
                    .setEndKey(Protos.bytes(o.endKey()))
                    .setInclusiveEnd(o.inclusiveEnd())
                    .setDesc(o.desc())
                    .setLimit(want)
                    .setSinceTx(o.sinceTx());
            if (last == null) {
                b.setSeekKey(Protos.bytes(o.seekKey())).setInclusiveSeek(o.inclusiveSeek());
            } else {
                byte[] cursor = last.referencedBy().map(KvReference::key).orElse(last.key());
                b.setSeekKey(Protos.bytes(cursor)).setInclusiveSeek(false);
            }
            return endIsEmpty(() -> Protos.entries(rpc.call("Scan", s -> s.scan(b.build())).getEntriesList()));
        }, o.limit(), o.pageSize());
    }

    Iterator<KvEntry> history(byte[] key, HistoryOptions o) {
        return new PagedIterator<KvEntry>((last, fetched, want) -> {
            HistoryRequest r = HistoryRequest.newBuilder()
                    .setKey(Protos.bytes(key))
                    .setOffset(o.offset() + fetched)
                    .setLimit(want)
                    .setDesc(o.desc())
                    .setSinceTx(o.sinceTx())
                    .build();
            if (last == null) {
                return Protos.entries(rpc.call("History", s -> s.history(r)).getEntriesList());
            }
            return endIsEmpty(() -> {
                try {
                    List<Entry> page = rpc.call("History", s -> s.history(r)).getEntriesList();
                    return Protos.entries(page);
                } catch (KeyNotFoundException e) {
                    return List.of();
                }
            });
        }, o.limit(), o.pageSize());
    }

    Iterator<SortedSetEntry> zScan(ZScanOptions o) {
        return new PagedIterator<SortedSetEntry>((last, fetched, want) -> {
            ZScanRequest.Builder b = ZScanRequest.newBuilder()
                    .setSet(Protos.bytes(o.set()))
                    .setDesc(o.desc())
                    .setLimit(want)
                    .setSinceTx(o.sinceTx());
            o.minScore().ifPresent(m -> b.setMinScore(Score.newBuilder().setScore(m)));
            o.maxScore().ifPresent(m -> b.setMaxScore(Score.newBuilder().setScore(m)));
            if (last != null) {
                b.setSeekKey(Protos.bytes(last.key())).setSeekScore(last.score()).setSeekAtTx(last.atTx())
                        .setInclusiveSeek(false);
            }
            return endIsEmpty(() -> {
                List<SortedSetEntry> out = new ArrayList<>();
                for (ZEntry z : rpc.call("ZScan", s -> s.zScan(b.build())).getEntriesList()) {
                    out.add(Protos.zEntry(z));
                }
                return out;
            });
        }, o.limit(), o.pageSize());
    }

    Iterator<TxRecord> txScan(long initialTx, long limit, boolean desc) {
        if (initialTx < 1 || limit < 0) {
            throw new IllegalArgumentException("initialTx=" + initialTx + " limit=" + limit
                    + ", want initialTx >= 1 and limit >= 0");
        }
        return new PagedIterator<TxRecord>((last, fetched, want) -> {
            long from = last == null ? initialTx : desc ? last.header().id() - 1 : last.header().id() + 1;
            if (from < 1) {
                return List.of();
            }
            TxScanRequest r = TxScanRequest.newBuilder().setInitialTx(from).setLimit(want).setDesc(desc).build();
            return endIsEmpty(() -> {
                List<TxRecord> out = new ArrayList<>();
                for (io.veridb.protocol.immudb.Tx tx : rpc.call("TxScan", s -> s.txScan(r)).getTxsList()) {
                    out.add(Protos.tx(tx));
                }
                return out;
            });
        }, limit, VeriClient.MAX_PAGE_SIZE);
    }

    /** Runs a page fetch, treating the server's "no more entries" as an empty page. */
    private static <T> List<T> endIsEmpty(java.util.function.Supplier<List<T>> fetch) {
        try {
            return fetch.get();
        } catch (VeriClientException e) {
            if (ImmuErrors.isEndOfData(e)) {
                return List.of();
            }
            throw e;
        }
    }
}
