package io.veridb.cli.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * User bytes (a key, a value, a set name) in command output. Text output shows them as UTF-8 when they are valid
 * UTF-8 without control characters, else as {@code 0x<hex>}. JSON output writes valid UTF-8 as a string field
 * {@code name}, anything else as a field {@code nameBase64}, so a reader never has to guess an encoding.
 *
 * @param bytes the bytes; not copied, callers pass a private array
 */
public record BytesValue(byte[] bytes) {

    /** The bytes as UTF-8 if they decode strictly, else empty. */
    public Optional<String> utf8() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Readable text: the UTF-8 string if printable, else {@code 0x} and lowercase hex. */
    public String text() {
        Optional<String> s = utf8();
        if (s.isPresent() && s.get().codePoints().noneMatch(Character::isISOControl)) {
            return s.get();
        }
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /** Standard base64 with padding. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
