package org.jifen.account;

/** A role held by an account, with the organization whose subtree it covers (null: platform-wide). */
public record RoleGrant(Role role, Long orgId) {}
