package org.jifen.calendar.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The holidays and make-up working days of 2025 and 2026 as the State Council published them (国办发明电〔2024〕12号
 * of 2024-11-12 and the notice of 2025-11-04), typed by hand: the tests check both the calendar rules and the
 * tyme4j data against them. Names as tyme4j gives them (2025's National Day and Mid-Autumn are one 国庆中秋 break).
 */
public final class OfficialSchedules {

    private OfficialSchedules() {}

    public static List<SpecialDay> of2025() {
        var days = new ArrayList<SpecialDay>();
        holidays(days, "元旦", "2025-01-01", "2025-01-01");
        makeup(days, "春节", "2025-01-26", "2025-02-08");
        holidays(days, "春节", "2025-01-28", "2025-02-04");
        holidays(days, "清明节", "2025-04-04", "2025-04-06");
        makeup(days, "劳动节", "2025-04-27");
        holidays(days, "劳动节", "2025-05-01", "2025-05-05");
        holidays(days, "端午节", "2025-05-31", "2025-06-02");
        makeup(days, "国庆中秋", "2025-09-28", "2025-10-11");
        holidays(days, "国庆中秋", "2025-10-01", "2025-10-08");
        return sorted(days);
    }

    public static List<SpecialDay> of2026() {
        var days = new ArrayList<SpecialDay>();
        holidays(days, "元旦", "2026-01-01", "2026-01-03");
        makeup(days, "元旦", "2026-01-04");
        makeup(days, "春节", "2026-02-14", "2026-02-28");
        holidays(days, "春节", "2026-02-15", "2026-02-23");
        holidays(days, "清明节", "2026-04-04", "2026-04-06");
        holidays(days, "劳动节", "2026-05-01", "2026-05-05");
        makeup(days, "劳动节", "2026-05-09");
        holidays(days, "端午节", "2026-06-19", "2026-06-21");
        holidays(days, "中秋节", "2026-09-25", "2026-09-27");
        makeup(days, "国庆节", "2026-09-20", "2026-10-10");
        holidays(days, "国庆节", "2026-10-01", "2026-10-07");
        return sorted(days);
    }

    /** 2025 and 2026, both covered. */
    public static WorkingDayCalendar calendar() {
        var all = new ArrayList<>(of2025());
        all.addAll(of2026());
        return WorkingDayCalendar.of(all, List.of(2025, 2026));
    }

    private static void holidays(List<SpecialDay> days, String name, String first, String last) {
        for (var d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.add(new SpecialDay(d, DayKind.HOLIDAY, name));
        }
    }

    private static void makeup(List<SpecialDay> days, String name, String... dates) {
        for (var d : dates) {
            days.add(new SpecialDay(LocalDate.parse(d), DayKind.MAKEUP_WORKDAY, name));
        }
    }

    private static List<SpecialDay> sorted(List<SpecialDay> days) {
        days.sort(java.util.Comparator.comparing(SpecialDay::date));
        return List.copyOf(days);
    }
}
