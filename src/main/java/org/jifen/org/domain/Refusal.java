package org.jifen.org.domain;

/**
 * Why a change to an organization tree is refused: a stable code (message key {@code problem.<code>}) and the form
 * field it concerns.
 */
public enum Refusal {
    NAME_REQUIRED("org.name-required", "name"),
    NAME_TOO_LONG("org.name-too-long", "name"),
    /** A slash would make the name path ambiguous (名称路径 龙岗区/平湖街道 is split at slashes). */
    NAME_INVALID("org.name-invalid", "name"),
    NAME_TAKEN("org.name-taken", "name"),
    KIND_UNKNOWN("org.kind-unknown", "kind"),
    OUT_OF_SCOPE("org.out-of-scope", "parentId"),
    /** Renaming, moving or deleting the top of one's own scope would change what one is responsible for. */
    SCOPE_ROOT("org.scope-root", "parentId"),
    ROOT_BY_SYSTEM_ADMIN_ONLY("org.root-system-admin-only", "parentId"),
    MOVE_ROOT("org.move-root", "parentId"),
    MOVE_OTHER_TREE("org.move-other-tree", "parentId"),
    MOVE_CYCLE("org.move-cycle", "parentId");

    private final String code;
    private final String field;

    Refusal(String code, String field) {
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
