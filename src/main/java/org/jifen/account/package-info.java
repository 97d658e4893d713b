/**
 * Accounts: sign-up and login by mainland mobile number, passwords, lock-out, staff roles (three-administrator
 * separation) scoped to organization subtrees, permissions, and API keys of integrations. Depends on
 * {@code shared} and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.jifen.account;
