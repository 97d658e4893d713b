package org.jifen.org;

/** Kinds of organization (GLOSSARY: 区 / 街道 / 社区, 党委 / 党总支 / 党支部, 单位 / 科室 …). */
public enum OrgKind {
    PROVINCE,
    CITY,
    DISTRICT,
    SUBDISTRICT,
    COMMUNITY,
    BUREAU,
    UNIT,
    SECTION,
    PARTY_COMMITTEE,
    GENERAL_BRANCH,
    BRANCH;

    public String dbName() {
        return name().toLowerCase();
    }

    public static OrgKind fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
