package org.jifen.support;

/** The demo logins that every integration test can rely on (see DemoData). */
public final class Demo {

    public static final String PASSWORD = "Jifen@2026";
    public static final String SYSTEM_ADMIN = "13800000001";
    public static final String SECURITY_ADMIN = "13800000002";
    public static final String AUDITOR = "13800000003";
    public static final String PROGRAM_OPERATOR = "13800000004";
    /** Organization admin of 龙岗区/平湖街道, with the permission to reveal personal data. */
    public static final String ORG_ADMIN = "13800000005";
    /** A learner of 龙岗区/平湖街道/山厦社区. */
    public static final String LEARNER = "13800000006";

    private Demo() {}
}
