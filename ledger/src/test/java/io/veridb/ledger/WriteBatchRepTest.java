package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

class WriteBatchRepTest {

    static {
        RocksDB.loadLibrary();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void serializesPutsAndDeletesByteForByteAsRocksJavaDoes() throws RocksDBException {
        byte[] longKey = new byte[300]; // a two-byte varint length
        Arrays.fill(longKey, (byte) 7);
        byte[] bigValue = new byte[70_000]; // a three-byte varint length, and a buffer that must grow
        Arrays.fill(bigValue, (byte) 9);
        WriteBatchRep rep = new WriteBatchRep(16);
        WriteBatchRep tail = new WriteBatchRep(16);
        tail.delete(0, b("gone"));
        tail.delete(200, b("gone-in-cf"));
        rep.put(0, b("k"), b("v"));
        rep.put(3, longKey, b(""));
        rep.put(200, b("cf200"), bigValue);
        rep.append(tail);
        try (WriteBatch ours = new WriteBatch(rep.toByteArray())) {
            assertThat(ours.count()).isEqualTo(5);
            assertThat(rep.count()).isEqualTo(5);
            assertThat(ours.data()).isEqualTo(expected(longKey, bigValue));
        }
    }

    /** The same operations through RocksJava's per-call API, with column-family ids faked by handles. */
    private static byte[] expected(byte[] longKey, byte[] bigValue) throws RocksDBException {
        // RocksJava needs open handles for non-default families, so build the reference rep from the grammar
        // RocksDB documents and check only the default-family part against RocksJava itself.
        try (WriteBatch wb = new WriteBatch()) {
            wb.put(b("k"), b("v"));
            byte[] head = wb.data();
            assertThat(head).startsWith(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}); // sequence 0, count 1
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(head, 0, 8);
            out.write(new byte[] {5, 0, 0, 0}, 0, 4);
            out.write(head, 12, head.length - 12);
            out.write(0x05);
            out.write(3);
            out.write(new byte[] {(byte) 0xAC, 0x02}, 0, 2); // 300
            out.write(longKey, 0, longKey.length);
            out.write(0);
            out.write(0x05);
            out.write(new byte[] {(byte) 0xC8, 0x01}, 0, 2); // cf 200
            out.write(5);
            out.write(b("cf200"), 0, 5);
            out.write(new byte[] {(byte) 0xF0, (byte) 0xA2, 0x04}, 0, 3); // 70,000
            out.write(bigValue, 0, bigValue.length);
            out.write(0x00);
            out.write(4);
            out.write(b("gone"), 0, 4);
            out.write(0x04);
            out.write(new byte[] {(byte) 0xC8, 0x01}, 0, 2);
            out.write(10);
            out.write(b("gone-in-cf"), 0, 10);
            return out.toByteArray();
        }
    }

    @Test
    void rocksDbRejectsACountThatDisagreesWithTheRecords() throws RocksDBException {
        WriteBatchRep rep = new WriteBatchRep(64);
        rep.put(0, b("a"), b("1"));
        byte[] bytes = rep.toByteArray();
        bytes[8] = 2;
        try (WriteBatch wb = new WriteBatch(bytes)) {
            assertThatThrownBy(() -> wb.iterate(new WriteBatch.Handler() {
                @Override
                public void put(int cf, byte[] k, byte[] v) {}

                @Override
                public void put(byte[] k, byte[] v) {}

                @Override
                public void merge(int cf, byte[] k, byte[] v) {}

                @Override
                public void merge(byte[] k, byte[] v) {}

                @Override
                public void delete(int cf, byte[] k) {}

                @Override
                public void delete(byte[] k) {}

                @Override
                public void singleDelete(int cf, byte[] k) {}

                @Override
                public void singleDelete(byte[] k) {}

                @Override
                public void deleteRange(int cf, byte[] a, byte[] b) {}

                @Override
                public void deleteRange(byte[] a, byte[] b) {}

                @Override
                public void logData(byte[] blob) {}

                @Override
                public void putBlobIndex(int cf, byte[] k, byte[] v) {}

                @Override
                public void markBeginPrepare() {}

                @Override
                public void markEndPrepare(byte[] xid) {}

                @Override
                public void markNoop(boolean empty) {}

                @Override
                public void markRollback(byte[] xid) {}

                @Override
                public void markCommit(byte[] xid) {}

                @Override
                public void markCommitWithTimestamp(byte[] xid, byte[] ts) {}
            })).isInstanceOf(RocksDBException.class).hasMessageContaining("count");
        }
    }
}
