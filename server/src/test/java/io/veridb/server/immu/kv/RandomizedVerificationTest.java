package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A random mix of plain and verifiable operations from two clients whose trusted states drift apart; every
 * verifiable reply must pass the §3.9 checks. Reproduce a failure with {@code -Dveridb.seed=<seed>}.
 */
class RandomizedVerificationTest extends KvRpcsTestBase {

    private static final Logger LOG = LoggerFactory.getLogger(RandomizedVerificationTest.class);

    @Test
    void randomOperationsAlwaysVerifyForEveryClient() {
        long seed = Long.getLong("veridb.seed", System.nanoTime());
        LOG.info("RandomizedVerificationTest seed={}", seed);
        Random rnd = new Random(seed);
        ClientCheck[] clients = {new ClientCheck(), new ClientCheck()};
        Map<String, String> model = new HashMap<>();
        for (int step = 0; step < 150; step++) {
            ClientCheck c = clients[rnd.nextInt(clients.length)];
            String key = "k" + rnd.nextInt(12);
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    String value = "v" + step;
                    set(key, value);
                    model.put(key, value);
                }
                case 1 -> {
                    String value = "w" + step;
                    c.verifiedSet(rpcs.verifiableSet(VerifiableSetRequest.newBuilder()
                            .setSetRequest(SetRequest.newBuilder().addKVs(
                                    KeyValue.newBuilder().setKey(bs(key)).setValue(bs(value))))
                            .setProveSinceTx(c.txId()).build()), b(key), b(value));
                    model.put(key, value);
                }
                case 2 -> {
                    if (model.containsKey(key) && !key.startsWith("r")) {
                        var reply = rpcs.verifiableGet(VerifiableGetRequest.newBuilder()
                                .setKeyRequest(KeyRequest.newBuilder().setKey(bs(key)))
                                .setProveSinceTx(c.txId()).build());
                        c.verifiedGet(reply, b(key));
                        assertThat(reply.getEntry().getValue().toStringUtf8()).as("seed %d", seed)
                                .isEqualTo(model.get(key));
                    }
                }
                case 3 -> {
                    if (model.containsKey(key)) {
                        String ref = "r" + rnd.nextInt(3);
                        c.verifiedSetReference(rpcs.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                                .setReferenceRequest(ReferenceRequest.newBuilder().setKey(bs(ref))
                                        .setReferencedKey(bs(key)))
                                .setProveSinceTx(c.txId()).build()), b(ref), b(key), 0);
                        c.verifiedGet(rpcs.verifiableGet(VerifiableGetRequest.newBuilder()
                                .setKeyRequest(KeyRequest.newBuilder().setKey(bs(ref)))
                                .setProveSinceTx(c.txId()).build()), b(ref));
                    }
                }
                default -> {
                    long last = rpcs.currentState().getTxId();
                    if (last > 0) {
                        long tx = 1 + rnd.nextInt((int) last);
                        c.verifiedTxById(rpcs.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(tx)
                                .setProveSinceTx(c.txId()).build()), tx);
                    }
                }
            }
        }
        assertThat(clients[0].txId() + clients[1].txId()).as("seed %d", seed).isPositive();
    }
}
