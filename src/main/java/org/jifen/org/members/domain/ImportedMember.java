package org.jifen.org.members.domain;

import org.jifen.account.Role;
import org.jifen.shared.MobileNumber;

/**
 * A row that passed every check, ready to become an invited account with its membership.
 *
 * @param role the staff role to grant in the member's organization, or {@link Role#LEARNER} for none
 */
public record ImportedMember(
        int row, String name, MobileNumber mobile, long orgId, String department, Role role, boolean partyMember) {}
