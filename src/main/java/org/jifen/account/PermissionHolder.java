package org.jifen.account;

import org.jifen.shared.Masking;

/** An account holding one extra permission. */
public record PermissionHolder(long accountId, String mobile, String realName, Permission permission) {

    public String maskedMobile() {
        return Masking.mobile(mobile);
    }
}
