package org.jifen.account;

/** Permissions granted one by one by the security admin, beyond what a role gives. */
public enum Permission {
    /** Reveal a member's full mobile or ID number, with a stated reason; audited (LG-16). */
    REVEAL_PERSONAL_DATA;

    public String authority() {
        return "PERM_" + name();
    }
}
