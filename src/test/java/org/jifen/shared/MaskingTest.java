package org.jifen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"13812345678, 138****5678", "19900001111, 199****1111", "123, ****"})
    @DisplayName("MASK mobile numbers keep the first three and last four digits")
    void masks_mobile_numbers(String mobile, String masked) {
        assertThat(Masking.mobile(mobile)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"张三, 张*", "张小明, 张*明", "欧阳小明, 欧**明", "王, *"})
    @DisplayName("MASK names keep the first and the last character")
    void masks_names(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @Test
    @DisplayName("LG-16 ID numbers keep only the region prefix and the last four characters")
    void masks_id_numbers() {
        assertThat(Masking.idNumber("44030719900307123X")).isEqualTo("440***********123X");
    }

    @Test
    @DisplayName("LG-16 every mobile number inside free text is masked, other digits are left alone")
    void masks_mobiles_in_text() {
        assertThat(Masking.mobilesIn("call 13812345678 or 15900001111, order 2026112312345"))
                .isEqualTo("call 138****5678 or 159****1111, order 2026112312345");
    }
}
