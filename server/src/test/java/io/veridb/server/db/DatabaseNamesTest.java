package io.veridb.server.db;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "db1", "my_db", "x123456789"})
    void acceptsImmudbNames(String name) {
        assertThatCode(() -> DatabaseNames.check(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''         | database name length outside of limits",
        "my-db      | punctuation marks and symbols are not allowed in database name",
        "db$        | punctuation marks and symbols are not allowed in database name",
        "'my db'    | unrecognized character in database name",
        "DB         | unrecognized character in database name",
    })
    void refusesOthersWithImmudbsMessages(String name, String message) {
        assertThatThrownBy(() -> DatabaseNames.check(name)).hasMessage(message);
    }

    @Test
    void refusesOverlongNames() {
        assertThatThrownBy(() -> DatabaseNames.check("a".repeat(129)))
                .hasMessage("database name length outside of limits");
    }
}
