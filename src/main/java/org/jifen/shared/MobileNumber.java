package org.jifen.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Optional;

/**
 * A mainland China mobile number in its 11-digit national form (13812345678). Accepts input with spaces,
 * dashes or a +86 prefix; anything that libphonenumber does not consider a valid CN mobile is rejected.
 */
public record MobileNumber(String value) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public MobileNumber {
        if (value == null || !value.matches("1\\d{10}")) {
            throw new IllegalArgumentException("not a normalized mainland mobile number");
        }
    }

    /** Parses user input; empty when it is not a valid mainland mobile number. */
    public static Optional<MobileNumber> parse(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        try {
            var number = PHONES.parse(input.strip(), "CN");
            if (number.getCountryCode() != 86 || !PHONES.isValidNumberForRegion(number, "CN")) {
                return Optional.empty();
            }
            var type = PHONES.getNumberType(number);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return Optional.empty();
            }
            var national = String.valueOf(number.getNationalNumber());
            return national.matches("1\\d{10}") ? Optional.of(new MobileNumber(national)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** 138****5678: the only form that may appear in lists, logs and public pages (MASK). */
    public String masked() {
        return Masking.mobile(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
