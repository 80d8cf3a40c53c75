package io.veridb.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.JsonText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Output output(boolean json) {
        return new Output(new PrintWriter(out), new PrintWriter(err), json);
    }

    @Test
    void textRecordAlignsNamesAndShowsUtf8Bytes() {
        output(false).record(Fields.of().put("tx", 7).bytes("key", "k1".getBytes(StandardCharsets.UTF_8))
                .put("verified", true));
        assertThat(out.toString()).isEqualTo("tx:       7\nkey:      k1\nverified: true\n");
    }

    @Test
    void binaryBytesAreHexInTextAndBase64InJson() {
        byte[] b = {0x00, (byte) 0xff, 0x10};
        output(false).record(Fields.of().bytes("value", b));
        assertThat(out.toString()).isEqualTo("value: 0x00ff10\n");
        out.getBuffer().setLength(0);
        output(true).record(Fields.of().bytes("value", b));
        assertThat(JsonText.object(out.toString().trim())).containsExactly(Map.entry("valueBase64", "AP8Q"));
    }

    @Test
    void printableUtf8ValueIsAJsonStringField() {
        output(true).record(Fields.of().bytes("value", "héllo".getBytes(StandardCharsets.UTF_8)));
        assertThat(JsonText.object(out.toString().trim())).containsExactly(Map.entry("value", "héllo"));
    }

    @Test
    void jsonListIsOneObjectWithCount() {
        output(true).list("entries", List.of(Fields.of().put("tx", 1), Fields.of().put("tx", 2)), "none");
        String line = out.toString();
        assertThat(line).endsWith("\n").hasLineCount(1);
        Map<String, Object> m = JsonText.object(line.trim());
        assertThat(m.get("count")).isEqualTo(2L);
        assertThat((List<?>) m.get("entries")).hasSize(2);
    }

    @Test
    void emptyTextListPrintsItsEmptyText() {
        output(false).list("entries", List.of(), "no keys");
        assertThat(out.toString()).isEqualTo("no keys\n");
    }

    @Test
    void errorsGoToStderrInTextAndToStdoutAsJson() {
        output(false).error("veridb client get", "key not found", 1);
        assertThat(err.toString()).isEqualTo("veridb client get: key not found\n");
        assertThat(out.toString()).isEmpty();
        output(true).error("veridb client get", "key not found", 1);
        assertThat(JsonText.object(out.toString().trim()))
                .containsEntry("error", "key not found").containsEntry("exitCode", 1L);
    }

    @Test
    void nestedRecordsAreIndentedInText() {
        output(false).record(Fields.of().put("server", "u1").put("current", Fields.of().put("txId", 3)));
        assertThat(out.toString()).isEqualTo("server:  u1\ncurrent:\n  txId: 3\n");
    }
}
