package sunshine.review.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 point 7: the explanation names every input, what was dropped, the means, the cap, the rounding and the
 * rule set version, in Chinese and English (rendered with the real message files), and survives storage as
 * JSON unchanged.
 */
class ExplanationTest {

    /** The issue's example: suggested 50,000 / 60,000 / 60,000 / 70,000 / 90,000, net income 40,000 each. */
    static AggregationResult issueExample() {
        String[] suggested = {"50000", "60000", "60000", "70000", "90000"};
        List<Estimate> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(new Estimate(
                    i + 1,
                    1001 + i,
                    900L + i,
                    new BigDecimal("200000"),
                    new BigDecimal("20000"),
                    new BigDecimal("100000"),
                    new BigDecimal("40000"),
                    new BigDecimal(suggested[i]),
                    false,
                    7L,
                    8L));
        }
        return Aggregation.aggregate(RuleSet.defaults(1), 500, list, HouseholdFile.UNKNOWN);
    }

    @Test
    void chinese() throws IOException {
        List<String> text = issueExample().explanation().render(messages("messages.properties", Locale.CHINA));
        assertThat(text)
                .contains(
                        "汇总规则：本行第 1 版。5 份：去掉最高、最低各一份，取中间三份平均；4 份：去掉最高、最低各一份，" + "取中间两份平均；3 份：取中位数；不足 3 份：退回评议小组。",
                        "第 1 份（成员 #1001，录入 #7，核对 #8）：资产 200,000.00；负债 20,000.00；总收入 100,000.00；"
                                + "纯收入 40,000.00；建议额度 50,000.00",
                        "建议授信额度：5 份有效估值，从低到高 50,000.00 / 60,000.00 / 60,000.00 / 70,000.00 / 90,000.00",
                        "去掉最低 50,000.00（第 1 份）和最高 90,000.00（第 5 份），中间 3 份合计 190,000.00 ÷ 3 = 63,333.33" + "（四舍五入到分）",
                        "授信区间（R17、R20）：纯收入 40,000.00 × 1.1 = 44,000.00 至 40,000.00 × 1.5 = 60,000.00",
                        "建议额度 63,333.33 高于上限，降至上限 60,000.00。",
                        "按 1,000 元向下取整：60,000.00 → 60,000.00",
                        "未超过产品最高额度 300,000.00。",
                        "拟预授信金额：60,000.00",
                        // rating with nothing known from the file: net 40,000 → 40 × 0.3; net worth 180,000 → 60 ×
                        // 0.25; debt 10% → 100 × 0.15; age and type unknown → 0; nobody said no → 100 × 0.1.
                        // 12 + 15 + 15 + 0 + 0 + 10 = 52 → C, which the default rules exclude
                        "评级 · 家庭纯收入：40,000.00 → 40 分 × 权重 0.3 = 12.00",
                        "评级 · 资产负债率：10.00% → 100 分 × 权重 0.15 = 15.00",
                        "评级 · 授信代表年龄：无数据 → 0 分 × 权重 0.1 = 0.00",
                        "评级得分合计 52.00（四舍五入到 0.01），信用等级 C（R21）。",
                        "等级 C 按本行规则不予预授信。");
        assertThat(String.join("\n", text)).doesNotContain("{").doesNotContain("review.");
    }

    @Test
    void english() throws IOException {
        List<String> text = issueExample().explanation().render(messages("messages_en.properties", Locale.ENGLISH));
        assertThat(text)
                .contains(
                        "Suggested credit: 5 valid estimates, lowest to highest 50,000.00 / 60,000.00 / 60,000.00 / "
                                + "70,000.00 / 90,000.00",
                        "drop the lowest 50,000.00 (copy 1) and the highest 90,000.00 (copy 5); the middle 3 add up to "
                                + "190,000.00 / 3 = 63,333.33 (half up to the fen)",
                        "The suggested 63,333.33 is above the band: cut to the cap 60,000.00.",
                        "Proposed pre-credit amount: 60,000.00");
        assertThat(String.join("\n", text)).doesNotContain("{").doesNotContain("review.");
    }

    @Test
    void belowTheBandAndTheProductMaximumAreNamed() throws IOException {
        Explanation.Messages zh = messages("messages.properties", Locale.CHINA);
        // zeros: 0, 0, 30,000, 40,000, 50,000 → (0 + 30,000 + 40,000) / 3 = 23,333.33; net 30,000 → floor 33,000
        AggregationResult below = Aggregation.aggregate(
                RuleSet.defaults(1), 9, five("0", "0", "30000", "40000", "50000", "30000"), farmer());
        assertThat(below.explanation().render(zh))
                .contains(
                        "建议额度 23,333.33 低于下限 33,000.00：作提示标记，金额不变。",
                        "按 1,000 元向下取整：23,333.33 → 23,000.00",
                        "评级 · 客户类型：农户 → 80 分 × 权重 0.1 = 8.00");
        // 60,000 each, net 50,000 (55,000 … 75,000: within), product maximum 50,000 → limited
        AggregationResult limited = Aggregation.aggregate(
                RuleSet.defaults(1).withMoney("1.1", "1.5", "1000", "50000"),
                9,
                five("60000", "60000", "60000", "60000", "60000", "50000"),
                farmer());
        assertThat(limited.explanation().render(zh))
                .contains("建议额度 60,000.00 在区间内，不调整。", "超过产品最高额度，限为 50,000.00。", "拟预授信金额：50,000.00");
        assertSurvivesStorage(limited, RuleSet.defaults(1).withMoney("1.1", "1.5", "1000", "50000"));
        assertThat(String.join("\n", limited.explanation().render(messages("messages_en.properties", Locale.ENGLISH))))
                .contains("Above the product maximum: limited to 50,000.00.")
                .doesNotContain("{")
                .doesNotContain("review.");
    }

    private static HouseholdFile farmer() {
        return new HouseholdFile(40, "FARMER", "LOCAL", 3);
    }

    /** Five copies with these suggested amounts and one net income. */
    private static List<Estimate> five(String s1, String s2, String s3, String s4, String s5, String net) {
        List<Estimate> list = new ArrayList<>();
        String[] s = {s1, s2, s3, s4, s5};
        for (int i = 0; i < 5; i++) {
            list.add(new Estimate(
                    i + 1, i + 1, null, bd("100000"), bd("0"), bd("1"), bd(net), bd(s[i]), false, null, null));
        }
        return list;
    }

    @Test
    void ownHouseholdDoNotRecommendAndTooFewAreNamed() throws IOException {
        // three copies: copy 1 of the member's own household, copy 2 "do not recommend": two valid → back
        List<Estimate> list = List.of(
                new Estimate(1, 11, 500L, bd("1"), bd("1"), bd("1"), bd("1"), bd("1"), false, null, null),
                new Estimate(2, 12, 9L, bd("1"), bd("1"), bd("1"), bd("1"), null, true, null, null),
                new Estimate(3, 13, null, bd("1"), bd("1"), bd("1"), bd("1"), bd("3"), false, null, null));
        AggregationResult r = Aggregation.aggregate(RuleSet.defaults(1), 500, list, null);
        assertThat(r.status()).isEqualTo(AggregationStatus.BACK_TO_PANEL);
        assertThat(r.ownHouseholdSeats()).containsExactly(1);
        assertThat(r.notRecommendedSeats()).containsExactly(2);
        List<String> text = r.explanation().render(messages("messages.properties", Locale.CHINA));
        assertThat(text)
                .contains(
                        "第 1 份是成员对本人家庭的估值，无效，不计入（R13）。",
                        "第 2 份“不建议授信”：建议额度按 0 计。",
                        "建议授信额度：2 份有效估值，从低到高 0.00 / 3.00",
                        "建议授信额度只有 2 份有效估值，少于本行规定的 3 份：没有结果",
                        "有效估值不足：此户退回评议小组重新评议（R19），不计算额度和评级。");
        assertThat(text).noneMatch(l -> l.startsWith("拟预授信金额"));
        assertSurvivesStorage(r);
    }

    @Test
    void theJsonKeepsEverythingExactly() {
        AggregationResult r = issueExample();
        String json = r.explanation().toJson();
        // inputs as keyed (seat, member, keyed by, verified by, five figures, flags), the seats of each figure from
        // lowest to highest, the means, the file, the cap applied (above the band), the rounding, the rating points
        // in the table's order, the rule set version that holds the constants
        assertThat(json)
                .isEqualTo("{\"format\":1,\"bank\":1,\"household\":500,\"ruleSet\":1,\"estimates\":["
                        + "[1,1001,7,8,200000,20000,100000,40000,50000,0],[2,1002,7,8,200000,20000,100000,40000,60000,0],"
                        + "[3,1003,7,8,200000,20000,100000,40000,60000,0],[4,1004,7,8,200000,20000,100000,40000,70000,0],"
                        + "[5,1005,7,8,200000,20000,100000,40000,90000,0]],"
                        + "\"order\":[[1,2,3,4,5],[1,2,3,4,5],[1,2,3,4,5],[1,2,3,4,5],[1,2,3,4,5]],"
                        + "\"means\":[200000,20000,100000,40000,63333.33],\"file\":[null,null,null,null],"
                        + "\"cap\":[\"ABOVE\",60000,60000,60000],\"points\":[40,60,100,0,0,100],"
                        + "\"score\":52,\"grade\":\"C\",\"eligible\":false}");
        assertSurvivesStorage(r);
    }

    /** Read back from JSON, the result explains itself in the same words and writes the same JSON. */
    static void assertSurvivesStorage(AggregationResult r) {
        assertSurvivesStorage(r, RuleSet.defaults(1));
    }

    static void assertSurvivesStorage(AggregationResult r, RuleSet rules) {
        String json = r.explanation().toJson();
        AggregationResult back = Explanation.fromJson(json, rules).result();
        assertThat(back.explanation().toJson()).isEqualTo(json);
        assertThat(back.explanation().lines()).isEqualTo(r.explanation().lines());
        assertThat(back.status()).isEqualTo(r.status());
        assertThat(back.proposedAmount()).isEqualTo(r.proposedAmount());
        assertThat(back.grade()).isEqualTo(r.grade());
        for (Figure f : Figure.values()) {
            assertThat(back.mean(f)).isEqualTo(r.mean(f));
        }
    }

    @Test
    void blankColumnsAreNotCountedForThatFigureOnly() {
        // five copies; copy 2 left assets blank: assets have four values 100, 300, 400, 500 → drop 100 and 500,
        // (300 + 400) / 2 = 350.00; the other figures keep five values
        List<Estimate> list = new ArrayList<>();
        String[] assets = {"100", null, "300", "400", "500"};
        for (int i = 0; i < 5; i++) {
            list.add(new Estimate(
                    i + 1,
                    i + 1,
                    null,
                    assets[i] == null ? null : bd(assets[i]),
                    bd("0"),
                    bd("10"),
                    bd("10"),
                    bd("10"),
                    false,
                    null,
                    null));
        }
        AggregationResult r = Aggregation.aggregate(RuleSet.defaults(1), 1, list, null);
        assertThat(r.status()).isEqualTo(AggregationStatus.COMPLETE);
        assertThat(r.figures().get(Figure.ASSETS).count()).isEqualTo(4);
        assertThat(r.mean(Figure.ASSETS)).isEqualTo(bd("350.00"));
        assertThat(r.figures().get(Figure.NET_INCOME).count()).isEqualTo(5);
        assertSurvivesStorage(r);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new Estimate(1, 1, null, bd("-1"), null, null, null, null, false, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Estimate(1, 1, null, bd("1.005"), null, null, null, null, false, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        Estimate a = new Estimate(1, 1, null, bd("1"), bd("1"), bd("1"), bd("1"), bd("1"), false, null, null);
        assertThatThrownBy(() -> Aggregation.aggregate(RuleSet.defaults(1), 1, List.of(a, a, a), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /** The application's message files, formatted as Spring's MessageSource does (MessageFormat). */
    static Explanation.Messages messages(String file, Locale locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ExplanationTest.class.getResourceAsStream("/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return (key, args) -> {
            String pattern = p.getProperty(key);
            if (pattern == null) {
                return "??" + key + "??";
            }
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        };
    }
}
