package io.veridb.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.SequencedEvent;
import io.veridb.protocol.umadb.v1.TrackingInfo;
import io.veridb.protocol.veridb.v1.EventProof;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Checks a {@code veridb.v1.EventProof}: the event is the ledger entry it claims to be, that entry is in its
 * transaction, and the transaction is consistent with the trusted state. Pure; failures throw
 * {@link VerificationException}.
 *
 * <pre>
 * entry key   = 0x04 'E' u64(position)
 * entry value = version:u8 (= 1) flags:u8 [trackingLen:varint tracking] event     ; VeriDB's event record
 *               flags bit 0 = tracking present; tracking = umadb.v1.TrackingInfo, event = umadb.v1.Event
 * digest      = EntryDigest(txHeader.version, entry key, entry metadata, SHA-256(entry value))
 * </pre>
 *
 * Orientation as for immudb's VerifiableTxById, with {@code s} the trusted tx and {@code v} the event's tx:
 * {@code s = 0}: the proof runs {@code v → current} and the server's current state becomes trusted (trust on
 * first use); {@code s ≤ v}: {@code s → v}, the state moves to {@code v}; {@code s > v}: {@code v → s}, the
 * state stays.
 */
final class EventVerifier {

    static final byte RECORD_VERSION = 1;

    private EventVerifier() {}

    /** The proven event and the trusted state after it. */
    record Verified(SequencedEvent event, DatabaseState state) {}

    static Verified verify(DatabaseState trusted, EventProof p, long position) {
        String op = "verifiedEvent " + position;
        if (!p.hasEvent() || !p.hasTxHeader() || !p.hasInclusionProof() || !p.hasDualProof() || !p.hasState()) {
            throw new VerificationException(op + ": proof has event, header, inclusion, dual proof and state",
                    "present", p.hasEvent() + "/" + p.hasTxHeader() + "/" + p.hasInclusionProof() + "/"
                            + p.hasDualProof() + "/" + p.hasState());
        }
        SequencedEvent event = p.getEvent();
        if (event.getPosition() != position) {
            throw new VerificationException(op + ": event position", Long.toString(position),
                    Long.toString(event.getPosition()));
        }
        byte[] key = ByteBuffer.allocate(2 + Long.BYTES).put((byte) 0x04).put((byte) 'E').putLong(position).array();
        byte[] gotKey = p.getEntryKey().toByteArray();
        if (!Arrays.equals(key, gotKey)) {
            throw new VerificationException(op + ": entry key", Bytes.hex(key), Bytes.brief(gotKey));
        }
        byte[] value = p.getEntryValue().toByteArray();
        requireRecordHolds(op, value, event);
        TxHeader header = Protos.header(p.getTxHeader());
        KvMetadata md = Protos.kvMetadata(p.hasEntryMetadata(), p.getEntryMetadata());
        byte[] digest;
        try {
            digest = EntryDigest.of(header.version(), key, md, Hashes.sha256(value));
        } catch (IllegalArgumentException e) {
            throw new VerificationException(op + ": entry digest", "computable digest", e.getMessage());
        }
        InclusionProof inclusion = Protos.inclusionProof(p.getInclusionProof());
        if (inclusion.leaf() != p.getEntryIndex()) {
            throw new VerificationException(op + ": inclusion proof leaf", Integer.toString(p.getEntryIndex()),
                    Integer.toString(inclusion.leaf()));
        }
        VerificationException.require(op, EntriesTree.verify(inclusion, digest, header.eH()));
        return new Verified(event, consistent(op, trusted, header, Protos.dualProof(p.getDualProof()),
                p.getState()));
    }

    private static DatabaseState consistent(
            String op, DatabaseState trusted, TxHeader header, DualProof dual, ImmutableState current) {
        long s = trusted.txId();
        long v = header.id();
        if (s == 0) {
            byte[] currentAlh = current.getTxHash().toByteArray();
            if (currentAlh.length != Hashes.SIZE) {
                throw new VerificationException(op + ": current state txHash", Hashes.SIZE + " bytes",
                        currentAlh.length + " bytes");
            }
            requireHeader(op + ": dual proof source header", header, dual.source());
            VerificationException.require(op, DualProofs.verify(dual, v, current.getTxId(), header.alh(),
                    currentAlh));
            return new DatabaseState(current.getDb(), current.getTxId(), currentAlh, Bytes.EMPTY);
        }
        if (s <= v) {
            requireHeader(op + ": dual proof target header", header, dual.target());
            VerificationException.require(op, DualProofs.verify(dual, s, v, trusted.alh(), header.alh()));
            return new DatabaseState(trusted.database(), v, header.alh(), Bytes.EMPTY);
        }
        requireHeader(op + ": dual proof source header", header, dual.source());
        VerificationException.require(op, DualProofs.verify(dual, v, s, header.alh(), trusted.alh()));
        return trusted;
    }

    /** The stored record must decode to exactly the returned event and tracking info. */
    private static void requireRecordHolds(String op, byte[] value, SequencedEvent event) {
        ByteBuffer in = ByteBuffer.wrap(value);
        try {
            if (in.remaining() < 2 || in.get() != RECORD_VERSION) {
                throw new VerificationException(op + ": event record version", "1",
                        value.length == 0 ? "empty record" : Integer.toString(value[0]));
            }
            int flags = in.get();
            if ((flags & ~1) != 0) {
                throw new VerificationException(op + ": event record flags", "0 or 1", Integer.toString(flags));
            }
            TrackingInfo tracking = null;
            if ((flags & 1) != 0) {
                int len = readVarint(in);
                if (len < 0 || len > in.remaining()) {
                    throw new VerificationException(op + ": event record tracking length",
                            "0.." + in.remaining(), Integer.toString(len));
                }
                tracking = TrackingInfo.parseFrom(ByteBuffer.wrap(value, in.position(), len));
                in.position(in.position() + len);
            }
            Event stored = Event.parseFrom(in);
            if (!stored.equals(event.getEvent())) {
                throw new VerificationException(op + ": event equals ledger record", stored.toString().trim(),
                        event.getEvent().toString().trim());
            }
            if (event.hasTrackingInfo() != (tracking != null)
                    || (tracking != null && !tracking.equals(event.getTrackingInfo()))) {
                throw new VerificationException(op + ": tracking info equals ledger record", String.valueOf(tracking),
                        event.hasTrackingInfo() ? event.getTrackingInfo().toString() : "absent");
            }
        } catch (InvalidProtocolBufferException e) {
            throw new VerificationException(op + ": event record decodes", "protobuf", e.getMessage());
        }
    }

    private static int readVarint(ByteBuffer in) {
        int result = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (!in.hasRemaining()) {
                return -1;
            }
            byte b = in.get();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        return -1;
    }

    private static void requireHeader(String check, TxHeader expected, TxHeader got) {
        if (!expected.equals(got)) {
            throw new VerificationException(check, expected.toString(), got.toString());
        }
    }
}
