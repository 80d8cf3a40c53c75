package io.veridb.cli.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsAPasswordWithUpperCaseDigitAndSymbol() {
        assertThatCode(() -> PasswordPolicy.check("Secret-123")).doesNotThrowAnyException();
    }

    @Test
    void rejectsShortAndLongPasswordsNamingTheLengthButNotThePassword() {
        assertThatThrownBy(() -> PasswordPolicy.check("Ab1!"))
                .isInstanceOf(UsageException.class).hasMessage("password has 4 characters, want 8..32");
        assertThatThrownBy(() -> PasswordPolicy.check("Ab1!".repeat(9)))
                .hasMessage("password has 36 characters, want 8..32");
    }

    @Test
    void rejectsAPasswordWithoutSymbolOrDigitOrUpperCase() {
        for (String pw : new String[] {"Secret1234", "Secret-abc", "secret-123"}) {
            assertThatThrownBy(() -> PasswordPolicy.check(pw))
                    .isInstanceOf(UsageException.class).hasMessageContaining("at least one upper-case letter")
                    .hasMessageNotContaining(pw);
        }
    }

    @Test
    void rejectsSpaces() {
        assertThatThrownBy(() -> PasswordPolicy.check("Secret 123!"))
                .isInstanceOf(UsageException.class).hasMessageContaining("space or control character");
    }
}
