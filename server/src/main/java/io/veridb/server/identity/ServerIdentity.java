package io.veridb.server.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

/**
 * The persistent identity of a server: an immudb-style xid (12 bytes, shown as 20 characters of {@code [0-9a-v]}).
 *
 * <p>File format of {@code <dir>/immudb.identifier}: exactly the 12 raw xid bytes, as immudb writes them, so a data
 * directory keeps its identity across restarts (clients pin {@code host:port → uuid} and key their trusted state by
 * it). Xid layout: {@code u32 unix seconds ‖ 3 machine bytes ‖ u16 process id ‖ 3 counter bytes}, big-endian.
 */
public final class ServerIdentity {
    /** File name inside the data directory. */
    public static final String FILE_NAME = "immudb.identifier";

    static final int XID_BYTES = 12;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private final byte[] id;

    private ServerIdentity(byte[] id) {
        this.id = id.clone();
    }

    /**
     * Reads the identity from {@code dir/immudb.identifier}, creating the directory and a fresh identity when the
     * file is absent. A file of the wrong size is refused rather than silently replaced, since clients pin the id.
     */
    public static ServerIdentity loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != XID_BYTES) {
                throw new IOException("server identifier has " + bytes.length + " bytes, want " + XID_BYTES
                        + " (" + file + ")");
            }
            return new ServerIdentity(bytes);
        }
        Files.createDirectories(dir);
        ServerIdentity fresh = new ServerIdentity(newXid(new SecureRandom(), Instant.now()));
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        Files.write(tmp, fresh.id);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return fresh;
    }

    static byte[] newXid(SecureRandom random, Instant now) {
        byte[] x = new byte[XID_BYTES];
        long seconds = now.getEpochSecond();
        x[0] = (byte) (seconds >>> 24);
        x[1] = (byte) (seconds >>> 16);
        x[2] = (byte) (seconds >>> 8);
        x[3] = (byte) seconds;
        byte[] machineAndCounter = new byte[6];
        random.nextBytes(machineAndCounter);
        System.arraycopy(machineAndCounter, 0, x, 4, 3);
        long pid = ProcessHandle.current().pid();
        x[7] = (byte) (pid >>> 8);
        x[8] = (byte) pid;
        System.arraycopy(machineAndCounter, 3, x, 9, 3);
        return x;
    }

    /** Encodes 12 xid bytes as xid does: base32hex, lower case, no padding (20 characters). */
    static String encode(byte[] xid) {
        if (xid.length != XID_BYTES) {
            throw new IllegalArgumentException("xid has " + xid.length + " bytes, want " + XID_BYTES);
        }
        StringBuilder out = new StringBuilder(20);
        int buffer = 0;
        int bits = 0;
        for (byte b : xid) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 0x1F]);
        }
        return out.toString();
    }

    /** The 20-character xid string sent as {@code immudb-uuid} and {@code OpenSessionResponse.serverUUID}. */
    public String uuid() {
        return encode(id);
    }

    /** The raw 12 bytes. */
    public byte[] bytes() {
        return id.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerIdentity other && Arrays.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return uuid();
    }
}
