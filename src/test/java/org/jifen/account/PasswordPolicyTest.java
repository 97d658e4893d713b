package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.jifen.account.domain.PasswordPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            nullValues = "ok",
            value = {
                "Jifen2026, ok",
                "abc12345, ok",
                "abc1234, password.too-short",
                "abcdefghij, password.weak",
                "1234567890, password.weak",
                "ab12345678x, password.contains-mobile"
            })
    void judges_passwords(String password, String problem) {
        assertThat(PasswordPolicy.check(password, "13812345678").orElse(null)).isEqualTo(problem);
    }
}
