package org.jifen.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * Staff roles. The first three follow the three-administrator separation of MLPS 2.0 (等保2.0 三员分立): no
 * account may hold more than one of them. Every account is a learner.
 */
public enum Role {
    /** 系统管理员: configuration and accounts. */
    SYSTEM_ADMIN,
    /** 安全管理员: roles, permissions, blacklists. */
    SECURITY_ADMIN,
    /** 审计员: reads the audit log, changes nothing. */
    AUDITOR,
    /** 活动运营: runs programs within an organization subtree. */
    PROGRAM_OPERATOR,
    /** 组织管理员: organizations and members of a subtree. */
    ORG_ADMIN,
    /** 学员: every account. */
    LEARNER;

    /** The three administrator roles that must be held by different people. */
    public static final Set<Role> SEPARATED = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

    /** Roles that apply to an organization subtree rather than the whole platform. */
    public boolean scoped() {
        return this == PROGRAM_OPERATOR || this == ORG_ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String dbName() {
        return name().toLowerCase();
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
