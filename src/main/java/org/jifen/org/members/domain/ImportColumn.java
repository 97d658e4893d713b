package org.jifen.org.members.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The columns of a member import, recognized by their Chinese or English header. */
public enum ImportColumn {
    NAME(true, "姓名", "name"),
    MOBILE(true, "手机号", "mobile"),
    ORGANIZATION(true, "组织", "organization"),
    DEPARTMENT(false, "部门", "department"),
    ROLE(false, "角色", "role"),
    PARTY_MEMBER(false, "党员", "party member");

    private final boolean required;
    private final String chinese;
    private final String english;

    ImportColumn(boolean required, String chinese, String english) {
        this.required = required;
        this.chinese = chinese;
        this.english = english;
    }

    public boolean required() {
        return required;
    }

    /** The header written into the template and the export. */
    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The key used in problem reports ({@code mobile}, {@code partyMember}). */
    public String key() {
        return switch (this) {
            case PARTY_MEMBER -> "partyMember";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    private static final Set<String> NOISE = Set.of(" ", "_", "-", "*", "（", "）");

    /**
     * The column a header names, ignoring case, spaces, underscores and a trailing required-marker: {@code 姓名},
     * {@code Name}, {@code party_member}, {@code 手机号*}.
     */
    public static Optional<ImportColumn> byHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var normalized = header.strip().toLowerCase(Locale.ROOT);
        for (var noise : NOISE) {
            normalized = normalized.replace(noise, "");
        }
        for (var column : values()) {
            if (normalized.equals(column.chinese) || normalized.equals(column.english.replace(" ", ""))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
