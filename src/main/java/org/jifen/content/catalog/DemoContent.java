package org.jifen.content.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jifen.rulebook.Rulebooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo content for the {@code longgang} program: four articles in two channels, two videos (one of them today's
 * focus) and a course, while the program has no items yet. It runs when the application starts accepting traffic,
 * which Spring Boot announces right after every {@code ApplicationReadyEvent} listener has run, among them the demo
 * module's loader that creates the program on a fresh database.
 */
@Component
class DemoContent {

    static final String PROGRAM = "longgang";
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final boolean enabled;
    private final Rulebooks rulebooks;
    private final Items items;
    private final Publishing publishing;
    private final Clock clock;

    DemoContent(
            @Value("${jifen.demo.enabled:true}") boolean enabled,
            Rulebooks rulebooks,
            Items items,
            Publishing publishing,
            Clock clock) {
        this.enabled = enabled;
        this.rulebooks = rulebooks;
        this.items = items;
        this.publishing = publishing;
        this.clock = clock;
    }

    @EventListener
    void ready(AvailabilityChangeEvent<ReadinessState> event) {
        if (enabled && event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            loadOnce();
        }
    }

    /** Creates the demo items unless the program has items already; true when it created them now. */
    synchronized boolean loadOnce() {
        var program = rulebooks.program(PROGRAM);
        if (program.isEmpty() || items.count(PROGRAM) > 0) {
            return false;
        }
        var p = program.get();
        var since = clock.instant().minus(Duration.ofDays(1));
        publishing.create(p, ItemKind.ARTICLE, article("安全生产", "居家用电安全五条提示", """
                <p>家用电器使用完毕要及时<strong>拔掉插头</strong>，不要在一个插座上同时使用多台大功率电器。</p>
                <ul><li>电线老化要及时更换；</li><li>不要用湿手触摸开关；</li><li>出门前检查电源是否关闭。</li></ul>
                <p>发现有人触电，应先切断电源，再进行施救。</p>""", true, since), null, cover(), null);
        publishing.create(p, ItemKind.ARTICLE, article("安全生产", "高楼禁止抛物，守护头顶安全", """
                <p>高空抛物危害极大，一个小小的易拉罐从高楼落下也可能伤人。</p>
                <p>请大家自觉遵守社区公约，<em>不从窗口、阳台向外抛掷物品</em>，发现隐患及时向物业或社区报告。</p>""", false, since), null, null, null);
        publishing.create(
                p, ItemKind.ARTICLE, article("就业服务", "龙岗区职业技能培训补贴申领指南", """
                <p>参加职业技能培训并取得证书的劳动者，可以按规定申领培训补贴。</p>
                <ol><li>登录政务服务网站提交申请；</li><li>上传身份证明和培训证书；</li><li>审核通过后补贴发放到本人账户。</li></ol>""", false, since), null, cover(), null);
        publishing.create(p, ItemKind.ARTICLE, article("就业服务", "春季招聘会：家门口的好岗位", """
                <p>社区春季招聘会将提供制造、物流、服务等行业岗位，现场还有政策咨询和简历指导。</p>
                <p>请携带身份证和个人简历，按时参加。</p>""", false, since), null, null, null);
        var course = publishing.create(
                p,
                ItemKind.VIDEO,
                video("安全生产", "安全生产知识课（一）", "消防与用电安全基础知识。", false, since),
                media("demo-90s.webm"),
                cover(),
                null);
        publishing.create(
                p,
                ItemKind.VIDEO,
                video("今日关注", "今日关注：防汛防台风小常识", "台风来临前后的安全注意事项。", true, since),
                media("demo-focus-20s.webm"),
                cover(),
                null);
        publishing.create(
                p,
                ItemKind.COURSE,
                new ItemDraft(
                        "安全生产慕课",
                        "安全生产",
                        List.of("安全", "慕课"),
                        false,
                        null,
                        "按顺序观看课程视频，学习安全生产知识。",
                        since,
                        null,
                        List.of(course.id())),
                null,
                cover(),
                null);
        log.info("Demo content loaded into program {}", PROGRAM);
        return true;
    }

    private static ItemDraft article(String channel, String title, String body, boolean focus, java.time.Instant at) {
        return new ItemDraft(title, channel, List.of(channel), focus, body, null, at, null, List.of());
    }

    private static ItemDraft video(String channel, String title, String summary, boolean focus, java.time.Instant at) {
        return new ItemDraft(title, channel, List.of(channel), focus, null, summary, at, null, List.of());
    }

    private static Publishing.Upload cover() {
        return media("cover.png");
    }

    private static Publishing.Upload media(String name) {
        return new ClassPathResource("demo/media/" + name)::getInputStream;
    }
}
