package org.jifen.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jifen.account.Accounts;
import org.jifen.account.NewAccount;
import org.jifen.account.Permission;
import org.jifen.account.Role;
import org.jifen.org.Memberships;
import org.jifen.org.OrgKind;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.rulebook.RulebookEditing;
import org.jifen.shared.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo: the Longgang district with its 11 subdistricts and some communities (LG), a district big-data
 * bureau with its sections (BC), a provincial party committee with general branches and branches (SX, DT), a few
 * hundred members, one login per role, and the Longgang program with its preset rulebook active. Runs once per
 * database.
 */
@Component
class DemoData {

    static final String PASSWORD = "Jifen@2026";
    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("13800000001", "系统管理员", Role.SYSTEM_ADMIN, null, null),
            new DemoLogin("13800000002", "安全管理员", Role.SECURITY_ADMIN, null, null),
            new DemoLogin("13800000003", "审计员", Role.AUDITOR, null, null),
            new DemoLogin("13800000004", "活动运营", Role.PROGRAM_OPERATOR, "龙岗区", null),
            new DemoLogin("13800000005", "平湖管理员", Role.ORG_ADMIN, "龙岗区/平湖街道", Permission.REVEAL_PERSONAL_DATA),
            new DemoLogin("13800000006", "张学员", Role.LEARNER, "龙岗区/平湖街道/山厦社区", null));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] SUBDISTRICTS = {
        "平湖街道", "布吉街道", "吉华街道", "坂田街道", "南湾街道", "横岗街道", "园山街道", "龙城街道", "龙岗街道", "宝龙街道", "坪地街道"
    };
    private static final String[][] COMMUNITIES = {
        {"平湖街道", "山厦社区", "平湖社区", "良安田社区", "新南社区"},
        {"布吉街道", "布吉社区", "德兴社区", "长龙社区"},
        {"坂田街道", "坂田社区", "南坑社区", "马安堂社区"},
        {"龙城街道", "龙城社区", "爱联社区", "回龙埔社区"}
    };
    private static final String[] SECTIONS = {"办公室", "数据资源科", "信息化建设科", "网络安全科", "政务服务科"};
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "欧阳"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚",
        "桂英", "晓东", "建华"
    };

    private final Organizations organizations;
    private final Memberships memberships;
    private final Accounts accounts;
    private final RulebookEditing rulebooks;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoData(
            Organizations organizations,
            Memberships memberships,
            Accounts accounts,
            RulebookEditing rulebooks,
            JdbcClient jdbc,
            Clock clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.rulebooks = rulebooks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads the demo unless this database has it already; true when it loaded now. */
    @Transactional
    public boolean loadOnce() {
        boolean loaded = loadOrganizationsAndPeople();
        loadLonggangProgram();
        return loaded;
    }

    /**
     * The Longgang program (LG) with the {@code longgang} preset as version 1, active: under its own marker, so
     * that a database loaded before programs existed gets it on its next start too.
     */
    private void loadLonggangProgram() {
        if (!mark("rulebook-longgang")) {
            return;
        }
        organizations
                .resolve("龙岗区")
                .ifPresent(longgang -> rulebooks.setUpPreset("longgang", "龙岗第一课学习积分", longgang.id(), "longgang"));
    }

    private boolean mark(String name) {
        return jdbc.sql("insert into demo.load (name, loaded_at) values (?, ?) on conflict do nothing")
                        .params(name, Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private boolean loadOrganizationsAndPeople() {
        if (!mark("demo")) {
            return false;
        }
        var places = new ArrayList<Organization>();
        var longgang = organizations.createAtSetup(null, "龙岗区", OrgKind.DISTRICT);
        for (var name : SUBDISTRICTS) {
            var sub = organizations.createAtSetup(longgang, name, OrgKind.SUBDISTRICT);
            places.add(sub);
            for (var row : COMMUNITIES) {
                if (row[0].equals(name)) {
                    for (int i = 1; i < row.length; i++) {
                        places.add(organizations.createAtSetup(sub, row[i], OrgKind.COMMUNITY));
                    }
                }
            }
        }
        var bureau = organizations.createAtSetup(null, "龙岗区政务服务数据管理局", OrgKind.BUREAU);
        for (var name : SECTIONS) {
            places.add(organizations.createAtSetup(bureau, name, OrgKind.SECTION));
        }
        var committee = organizations.createAtSetup(null, "省直机关工委", OrgKind.PARTY_COMMITTEE);
        for (int g = 1; g <= 3; g++) {
            var general = organizations.createAtSetup(committee, "第" + cn(g) + "党总支", OrgKind.GENERAL_BRANCH);
            for (int b = 1; b <= 3; b++) {
                places.add(organizations.createAtSetup(general, "第" + cn(b) + "党支部", OrgKind.BRANCH));
            }
        }
        for (var login : LOGINS) {
            long id = accounts.createActive(
                    new NewAccount(MobileNumber.parse(login.mobile()).orElseThrow(), login.realName(), null, PASSWORD));
            if (login.role() != Role.LEARNER) {
                Long scope = login.orgPath() == null
                        ? null
                        : organizations.resolve(login.orgPath()).orElseThrow().id();
                accounts.grantAtSetup(id, login.role(), login.role().scoped() ? scope : null);
            }
            if (login.permission() != null) {
                accounts.grantPermissionAtSetup(id, login.permission());
            }
            if (login.orgPath() != null) {
                memberships.join(id, organizations.resolve(login.orgPath()).orElseThrow(), null, false);
            }
        }
        int members = generateMembers(places);
        log.info(
                "Demo data loaded: {} organizations in 3 trees, {} members, {} demo logins",
                organizations.count(),
                members,
                LOGINS.size());
        return true;
    }

    /** 320 members spread over the places, with deterministic names, mobile numbers and ID numbers. */
    private int generateMembers(List<Organization> places) {
        int count = 320;
        var news = new ArrayList<NewAccount>(count);
        for (int i = 0; i < count; i++) {
            var name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
            var mobile = "139" + String.format("%08d", 20_000_000 + i * 7_919);
            news.add(new NewAccount(MobileNumber.parse(mobile).orElseThrow(), name, idNumber(i), null));
        }
        var ids = accounts.createInvited(news);
        for (int i = 0; i < ids.size(); i++) {
            var org = places.get((i * 13) % places.size());
            memberships.join(ids.get(i), org, i % 4 == 0 ? "综合组" : null, i % 3 == 0);
        }
        return ids.size();
    }

    /** A well-formed 18-digit resident ID number (GB 11643 check digit) for member {@code i}. */
    static String idNumber(int i) {
        var body = "440307" + String.format("%04d", 1960 + i % 45) + String.format("%02d", 1 + i % 12)
                + String.format("%02d", 1 + i % 28) + String.format("%03d", i % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * weights[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String cn(int n) {
        return String.valueOf("零一二三四五六七八九十".charAt(n));
    }
}
