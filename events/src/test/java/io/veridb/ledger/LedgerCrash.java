package io.veridb.ledger;

import java.io.IOException;

/** Test seam: reaches the ledger's package-private crash close from the events tests. */
public final class LedgerCrash {
    private LedgerCrash() {}

    /** Closes as a killed process would: no checkpoint, the index's memtables dropped. */
    public static void crash(Ledger ledger) throws IOException {
        ledger.crashForTest();
    }
}
