package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every single-point corruption of a dual proof: each term of each list, each header field, each linear field. */
final class ProofMutations {

    private ProofMutations() {}

    record Named(String what, DualProof proof) {}

    static List<Named> of(DualProof p) {
        List<Named> out = new ArrayList<>();
        lists(out, "inclusionProof", p.inclusionProof(), l -> with(p, l, p.consistencyProof(), p.targetBlTxAlh(),
                p.lastInclusionProof(), p.linearProof()));
        lists(out, "consistencyProof", p.consistencyProof(), l -> with(p, p.inclusionProof(), l, p.targetBlTxAlh(),
                p.lastInclusionProof(), p.linearProof()));
        lists(out, "lastInclusionProof", p.lastInclusionProof(), l -> with(p, p.inclusionProof(),
                p.consistencyProof(), p.targetBlTxAlh(), l, p.linearProof()));
        LinearProof lp = p.linearProof();
        lists(out, "linearProof.terms", lp.terms(), l -> with(p, p.inclusionProof(), p.consistencyProof(),
                p.targetBlTxAlh(), p.lastInclusionProof(), new LinearProof(lp.sourceTxId(), lp.targetTxId(), l)));
        for (int bit : bits()) {
            out.add(new Named("targetBlTxAlh bit " + bit, with(p, p.inclusionProof(), p.consistencyProof(),
                    Mutations.flip(p.targetBlTxAlh(), bit), p.lastInclusionProof(), lp)));
        }
        for (long delta : new long[] {-1, 1}) {
            out.add(new Named("linear sourceTxId" + delta, with(p, p.inclusionProof(), p.consistencyProof(),
                    p.targetBlTxAlh(), p.lastInclusionProof(),
                    new LinearProof(lp.sourceTxId() + delta, lp.targetTxId(), lp.terms()))));
            out.add(new Named("linear targetTxId" + delta, with(p, p.inclusionProof(), p.consistencyProof(),
                    p.targetBlTxAlh(), p.lastInclusionProof(),
                    new LinearProof(lp.sourceTxId(), lp.targetTxId() + delta, lp.terms()))));
        }
        for (TxHeader h : headers(p.source())) {
            out.add(new Named("source " + h, new DualProof(h, p.target(), p.inclusionProof(), p.consistencyProof(),
                    p.targetBlTxAlh(), p.lastInclusionProof(), lp)));
        }
        for (TxHeader h : headers(p.target())) {
            out.add(new Named("target " + h, new DualProof(p.source(), h, p.inclusionProof(), p.consistencyProof(),
                    p.targetBlTxAlh(), p.lastInclusionProof(), lp)));
        }
        return out;
    }

    private static int[] bits() {
        return new int[] {0, 77, 255};
    }

    private static void lists(List<Named> out, String name, List<byte[]> terms, Function<List<byte[]>, DualProof> f) {
        for (int k = 0; k < terms.size(); k++) {
            for (int bit : bits()) {
                out.add(new Named(name + "[" + k + "] bit " + bit,
                        f.apply(Mutations.replace(terms, k, Mutations.flip(terms.get(k), bit)))));
            }
        }
        int index = 0;
        for (List<byte[]> variant : Mutations.of(terms).subList(3 * terms.size(), Mutations.of(terms).size())) {
            out.add(new Named(name + " resized/reordered #" + index++ + " (" + variant.size() + " terms)",
                    f.apply(variant)));
        }
    }

    private static DualProof with(DualProof p, List<byte[]> incl, List<byte[]> cons, byte[] blAlh,
            List<byte[]> last, LinearProof lp) {
        return new DualProof(p.source(), p.target(), incl, cons, blAlh, last, lp);
    }

    /** Headers differing from {@code h} in exactly one field (those that are constructible). */
    static List<TxHeader> headers(TxHeader h) {
        List<Supplier<TxHeader>> variants = List.of(
                () -> new TxHeader(h.id() + 1, h.prevAlh(), h.ts(), h.version(), h.metadata(), h.nentries(),
                        h.eH(), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id() - 1, h.prevAlh(), h.ts(), h.version(), h.metadata(), h.nentries(),
                        h.eH(), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id(), Mutations.flip(h.prevAlh(), 13), h.ts(), h.version(), h.metadata(),
                        h.nentries(), h.eH(), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts() + 1, h.version(), h.metadata(), h.nentries(),
                        h.eH(), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts(), 1 - h.version(), h.metadata(), h.nentries(),
                        h.eH(), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts(), h.version(),
                        h.metadata().isEmpty() ? new TxMetadata(0, new byte[] {1}) : TxMetadata.EMPTY,
                        h.nentries(), h.eH(), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts(), h.version(), h.metadata(), h.nentries() + 1,
                        h.eH(), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts(), h.version(), h.metadata(), h.nentries(),
                        Mutations.flip(h.eH(), 200), h.blTxId(), h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts(), h.version(), h.metadata(), h.nentries(),
                        h.eH(), h.blTxId() - 1, h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts(), h.version(), h.metadata(), h.nentries(),
                        h.eH(), h.blTxId() + 1, h.blRoot()),
                () -> new TxHeader(h.id(), h.prevAlh(), h.ts(), h.version(), h.metadata(), h.nentries(),
                        h.eH(), h.blTxId(), Mutations.flip(h.blRoot(), 1)));
        List<TxHeader> out = new ArrayList<>();
        for (Supplier<TxHeader> v : variants) {
            try {
                out.add(v.get());
            } catch (IllegalArgumentException notConstructible) {
                // for example blTxId = id or version 0 with metadata: no such header can reach a verifier
            }
        }
        return out;
    }
}
