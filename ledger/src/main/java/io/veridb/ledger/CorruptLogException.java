package io.veridb.ledger;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Stored bytes are damaged or do not hash to what the chain says: names the file, the byte offset in it and the
 * transaction (0 when the damage is not tied to one transaction).
 */
public class CorruptLogException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String detail;
    private final String file;
    private final long offset;
    private final long txId;

    public CorruptLogException(String detail, Path file, long offset, long txId) {
        this(detail, file == null ? "?" : String.valueOf(file.getFileName()), offset, txId, null);
    }

    public CorruptLogException(String detail, String file, long offset, long txId, Throwable cause) {
        super(detail + " (" + Kv.kv("file", file, "offset", offset, "tx", txId) + ")", cause);
        this.detail = detail;
        this.file = file;
        this.offset = offset;
        this.txId = txId;
    }

    /** What is wrong, without the place. */
    public String detail() {
        return detail;
    }

    /** File name (without directory) holding the damaged bytes. */
    public String file() {
        return file;
    }

    /** Byte offset in {@link #file()} where the damaged record starts. */
    public long offset() {
        return offset;
    }

    /** Transaction whose data is damaged, or 0. */
    public long txId() {
        return txId;
    }
}
