package io.veridb.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Opens a {@link SlotFile}, writing its {@link FileHeader} when new and checking it otherwise. */
final class SlotFiles {

    private SlotFiles() {}

    static SlotFile open(FileIO io, Path path, byte[] magic, int version, int slotBytes, boolean readOnly)
            throws IOException {
        boolean existed = io.exists(path);
        if (readOnly && !existed) {
            throw new CorruptLogException("file is missing", path, 0, 0);
        }
        FileHandle h = readOnly ? io.openReadOnly(path) : io.open(path, true);
        try {
            if (!readOnly && (!existed || h.size() < FileHeader.BYTES)) {
                h.truncate(0);
                h.write(FileHeader.write(magic, version, 0), 0);
                h.force();
                io.syncDirectory(path.getParent());
            } else {
                ByteBuffer b = ByteBuffer.allocate(FileHeader.BYTES);
                h.readFully(b, 0);
                FileHeader.check(b.flip(), magic, version, path.getFileName().toString());
            }
            return new SlotFile(h, slotBytes);
        } catch (IOException | RuntimeException e) {
            h.close();
            throw e;
        }
    }
}
