package io.veridb.server.immu.kv;

import io.veridb.ledger.LedgerOptions;

/** The same client checks on a header-version-0 database (v0 entry digests and inner hash; immudb-node). */
class KvRpcsVerificationV0Test extends KvRpcsVerificationTest {

    @Override
    LedgerOptions ledgerOptions() {
        return super.ledgerOptions().withHeaderVersion(0);
    }
}
