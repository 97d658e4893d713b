package org.jifen.demo;

import org.jifen.account.Permission;
import org.jifen.account.Role;

/** One demo account per role; all share the password {@link DemoData#PASSWORD}. */
record DemoLogin(String mobile, String realName, Role role, String orgPath, Permission permission) {

    /** The number as the banner prints it: grouped, so that the log's masking of mobile numbers leaves it readable. */
    String spaced() {
        return mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
    }
}
