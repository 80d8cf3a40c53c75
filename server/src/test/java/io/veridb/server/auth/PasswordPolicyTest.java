package io.veridb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ab1!     | password must be between 8 and 32 characters long (got 4)",
        "Abcdefgh1!Abcdefgh1!Abcdefgh1!xyz | password must be between 8 and 32 characters long (got 33)",
        "abcdefg1! | password must contain at least one upper-case letter",
        "Abcdefgh! | password must contain at least one digit",
        "Abcdefgh1 | password must contain at least one symbol or punctuation character (e.g. !@#$%&*)",
        "'Abc def1!' | password may contain only letters, digits, punctuation and symbols (found U+0020)",
    })
    void namesTheBrokenRule(String password, String message) {
        assertThat(PasswordPolicy.violation(password)).isEqualTo(message);
        assertThatThrownBy(() -> PasswordPolicy.check(password))
                .isInstanceOf(AuthException.class)
                .hasMessage(message)
                .extracting(e -> ((AuthException) e).reason())
                .isEqualTo(AuthException.Reason.WEAK_PASSWORD);
    }

    @Test
    void acceptsPasswordsMeetingEveryRule() {
        assertThat(PasswordPolicy.violation("Secret12!")).isNull();
        assertThat(PasswordPolicy.violation("Zz9_zzzz")).isNull();
        assertThat(PasswordPolicy.violation("Ünïcödé1€")).isNull();
        assertThat(PasswordPolicy.violation("A1!aaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isNull();
    }

    @Test
    void theDefaultAdminPasswordDoesNotMeetThePolicy() {
        assertThat(PasswordPolicy.violation(User.DEFAULT_ADMIN_PASSWORD)).isNotNull();
    }
}
