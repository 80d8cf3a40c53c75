package io.veridb.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.JsonText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String s = "a\"b\\c\nd\te\u0001f\u2028";
        String json = Json.write(s);
        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\"");
        assertThat(JsonText.parse(json)).isEqualTo(s);
    }

    @Test
    void writesObjectsInInsertionOrderAndNestedArrays() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", List.of(true, false));
        m.put("n", null);
        m.put("o", Map.of("k", "v"));
        assertThat(Json.write(m)).isEqualTo("{\"z\":1,\"a\":[true,false],\"n\":null,\"o\":{\"k\":\"v\"}}");
    }

    @Test
    void writesIntegralDoublesWithoutFractionAndNonFiniteAsStrings() {
        assertThat(Json.write(Arrays.asList(2.0, 1.5, -0.25, Double.NaN, Double.POSITIVE_INFINITY, 1e20)))
                .isEqualTo("[2,1.5,-0.25,\"NaN\",\"Infinity\",1.0E20]");
        assertThat(JsonText.parse(Json.write(List.of(1e20)))).isEqualTo(List.of(1e20));
    }

    @Test
    void keepsUnicodeTextAsIs() {
        assertThat(Json.write("grüße 🔐")).isEqualTo("\"grüße 🔐\"");
    }
}
