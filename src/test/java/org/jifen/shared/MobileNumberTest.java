package org.jifen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "13812345678, 13812345678",
        "+86 138 1234 5678, 13812345678",
        "138-1234-5678, 13812345678",
        "0086 19912345678, 19912345678"
    })
    void accepts_mainland_mobile_numbers_in_common_spellings(String input, String normalized) {
        assertThat(MobileNumber.parse(input))
                .hasValueSatisfying(m -> assertThat(m.value()).isEqualTo(normalized));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "1381234567", "138123456789", "12812345678", "075512345678", "+852 61234567", "abc"})
    void rejects_what_is_not_a_mainland_mobile_number(String input) {
        assertThat(MobileNumber.parse(input)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void prints_masked() {
        assertThat(MobileNumber.parse("13812345678").orElseThrow().toString()).isEqualTo("138****5678");
    }
}
