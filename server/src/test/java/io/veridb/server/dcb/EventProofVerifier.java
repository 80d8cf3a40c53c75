package io.veridb.server.dcb;

import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.LinearProof;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.proofs.Verification;
import io.veridb.protocol.veridb.v1.EventProof;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a client does with an {@link EventProof} using only io.veridb.proofs: the returned event is the entry
 * value, the entry is in its transaction, and that transaction is linked to the trusted state.
 */
final class EventProofVerifier {
    private EventProofVerifier() {}

    /**
     * @param trustedTxId the client's trusted transaction (0 = none: the proof's state becomes trusted)
     * @param trustedAlh Alh of that transaction
     */
    static Verification verify(EventProof p, long position, long trustedTxId, byte[] trustedAlh) {
        TxHeader header = header(p.getTxHeader());
        byte[] key = p.getEntryKey().toByteArray();
        byte[] value = p.getEntryValue().toByteArray();
        byte[] expectedKey = ByteBuffer.allocate(10).put((byte) 4).put((byte) 'E').putLong(position).array();
        if (!Arrays.equals(key, expectedKey)) {
            return Verification.failure("entry key", expectedKey, key);
        }
        byte[] eventBytes = p.getEvent().getEvent().toByteArray();
        ByteBuffer stored = io.veridb.events.EventRecord.parse(value).eventBytes();
        byte[] storedCopy = new byte[stored.remaining()];
        stored.get(storedCopy);
        if (!Arrays.equals(eventBytes, storedCopy) || p.getEvent().getPosition() != position) {
            return Verification.failure("event bytes", storedCopy, eventBytes);
        }
        KvMetadata md = metadata(p.getEntryMetadata());
        byte[] digest = EntryDigest.of(header.version(), key, md, Hashes.sha256(value));
        Verification inclusion = EntriesTree.verify(inclusion(p.getInclusionProof()), digest, header.eH());
        if (!inclusion.isOk()) {
            return inclusion;
        }
        DualProof dual = dual(p.getDualProof());
        long v = header.id();
        if (trustedTxId == 0) {
            return DualProofs.verify(dual, v, p.getState().getTxId(), header.alh(),
                    p.getState().getTxHash().toByteArray());
        }
        if (trustedTxId <= v) {
            return DualProofs.verify(dual, trustedTxId, v, trustedAlh, header.alh());
        }
        return DualProofs.verify(dual, v, trustedTxId, header.alh(), trustedAlh);
    }

    static TxHeader header(io.veridb.protocol.immudb.TxHeader h) {
        TxMetadata md = h.hasMetadata()
                ? new TxMetadata(h.getMetadata().getTruncatedTxID(), h.getMetadata().getExtra().toByteArray())
                : TxMetadata.EMPTY;
        return new TxHeader(h.getId(), h.getPrevAlh().toByteArray(), h.getTs(), h.getVersion(), md,
                h.getNentries(), h.getEH().toByteArray(), h.getBlTxId(), h.getBlRoot().toByteArray());
    }

    static KvMetadata metadata(io.veridb.protocol.immudb.KVMetadata m) {
        return new KvMetadata(m.getDeleted(), m.hasExpiration() ? OptionalLong.of(m.getExpiration().getExpiresAt())
                : OptionalLong.empty(), m.getNonIndexable());
    }

    static InclusionProof inclusion(io.veridb.protocol.immudb.InclusionProof p) {
        return new InclusionProof(p.getLeaf(), p.getWidth(), terms(p.getTermsList()));
    }

    static DualProof dual(io.veridb.protocol.immudb.DualProof p) {
        var l = p.getLinearProof();
        return new DualProof(header(p.getSourceTxHeader()), header(p.getTargetTxHeader()),
                terms(p.getInclusionProofList()), terms(p.getConsistencyProofList()),
                p.getTargetBlTxAlh().toByteArray(), terms(p.getLastInclusionProofList()),
                new LinearProof(l.getSourceTxId(), l.getTargetTxId(), terms(l.getTermsList())));
    }

    private static List<byte[]> terms(List<com.google.protobuf.ByteString> terms) {
        return terms.stream().map(com.google.protobuf.ByteString::toByteArray).toList();
    }
}
