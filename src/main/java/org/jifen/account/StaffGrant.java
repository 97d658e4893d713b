package org.jifen.account;

import org.jifen.shared.Masking;

/** One role of one staff member, for the role management page. */
public record StaffGrant(long accountId, String mobile, String realName, Role role, Long orgId) {

    public String maskedMobile() {
        return Masking.mobile(mobile);
    }
}
