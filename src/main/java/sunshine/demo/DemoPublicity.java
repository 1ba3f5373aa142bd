package sunshine.demo;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.organisation.Bank;
import sunshine.organisation.Banks;
import sunshine.organisation.Branch;
import sunshine.organisation.Branches;
import sunshine.publicity.ActivityCommand;
import sunshine.publicity.GradeRate;
import sunshine.publicity.PublicityActivities;
import sunshine.publicity.PublicityMethod;
import sunshine.publicity.PublishedTerms;
import sunshine.publicity.TermsCommand;
import sunshine.shared.PageResult;
import sunshine.shared.Today;

/** Demo publicity of 章丘农商银行: terms version 1 with a rate table by grade, and activities in B01-B03 villages. */
@Component
class DemoPublicity {

    private final Banks banks;
    private final Branches branches;
    private final Areas areas;
    private final PublishedTerms terms;
    private final PublicityActivities activities;

    DemoPublicity(Banks banks, Branches branches, Areas areas, PublishedTerms terms, PublicityActivities activities) {
        this.banks = banks;
        this.branches = branches;
        this.areas = areas;
        this.terms = terms;
        this.activities = activities;
    }

    void load() {
        Bank bank = banks.findByCode("ZQRCB").orElseThrow();
        DemoBank.actAsAdmin(bank, () -> {
            terms.publish(new TermsCommand(
                    Today.date().minusDays(60),
                    """
                    年满18周岁、具有完全民事行为能力的本地常住居民
                    有合法稳定的收入来源和还款能力
                    信用状况良好，无恶意拖欠贷款等不良记录
                    贷款用于生产经营或合理消费，不得用于违法用途""",
                    """
                    客户经理和村评议小组入户建档
                    村评议小组背靠背评议，提出信用等级和建议额度
                    客户经理审核，支行审贷会审查，支行行长确定最终额度
                    张榜公示（不少于5天），接受群众监督
                    面对面签订借款合同，发放贷款证
                    在额度和期限内随用随贷、周转使用""",
                    """
                    不收取任何额外费用，不搭售任何产品
                    资料齐全的用信申请当日办结
                    客户经理不接受宴请和礼品，违者严肃处理
                    群众反映的问题5个工作日内答复""",
                    "0531-83211000",
                    "0531-83212345",
                    List.of(
                            new GradeRate("AAA", new BigDecimal("4.35")),
                            new GradeRate("AA", new BigDecimal("4.85")),
                            new GradeRate("A", new BigDecimal("5.45")),
                            new GradeRate("B", new BigDecimal("6.20")),
                            new GradeRate("C", new BigDecimal("7.20")))));
            PublicityMethod[] methods = PublicityMethod.values();
            int n = 0;
            for (String code : List.of("B01", "B02", "B03")) {
                Branch branch = branches.tree().stream()
                        .filter(b -> b.code().equals(code))
                        .findFirst()
                        .orElseThrow();
                List<Area> villages = areas.list(branch.id(), null, null, null, "code", new PageResult.Request(0, 3))
                        .items();
                for (Area v : villages) {
                    int first = v.actualHouseholds() * 2 / 3;
                    activities.record(
                            v.id(),
                            new ActivityCommand(
                                    Today.date().minusDays(30 - n),
                                    methods[n % methods.length],
                                    "致客户的公开信、倡议书、公示海报",
                                    (v.managerName() == null ? "客户经理" : v.managerName()) + "、村委会",
                                    first));
                    if (n % 2 == 0) {
                        activities.record(
                                v.id(),
                                new ActivityCommand(
                                        Today.date().minusDays(20 - n),
                                        PublicityMethod.BROADCAST,
                                        "广播稿",
                                        "村委会",
                                        v.actualHouseholds() - first));
                    }
                    n++;
                }
            }
        });
    }
}
