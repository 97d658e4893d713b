package org.jifen.account.domain;

import java.util.Optional;

/** A password must be 8 to 64 characters with letters and digits, and must not contain the mobile number. */
public final class PasswordPolicy {

    private PasswordPolicy() {}

    /** Empty when acceptable, else the problem code ({@code password.too-short}, …). */
    public static Optional<String> check(String password, String mobile) {
        if (password == null || password.length() < 8) {
            return Optional.of("password.too-short");
        }
        if (password.length() > 64) {
            return Optional.of("password.too-long");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            return Optional.of("password.weak");
        }
        if (mobile != null && password.contains(mobile.substring(3))) {
            return Optional.of("password.contains-mobile");
        }
        return Optional.empty();
    }
}
