package org.jifen.account;

import java.time.Instant;
import org.jifen.shared.Masking;

/** What other modules may know of an account. Holds the full mobile number: never log or show it unmasked. */
public record AccountView(long id, String mobile, String realName, String idNumber, String status, Instant createdAt) {

    public String maskedMobile() {
        return Masking.mobile(mobile);
    }

    public String maskedName() {
        return Masking.name(realName);
    }

    public String maskedIdNumber() {
        return idNumber == null ? null : Masking.idNumber(idNumber);
    }

    public boolean activated() {
        return !"invited".equals(status);
    }
}
