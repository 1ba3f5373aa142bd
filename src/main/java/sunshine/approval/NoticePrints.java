package sunshine.approval;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublicArea;
import sunshine.publicity.PublicLinks;
import sunshine.publicity.PublishedTerms;
import sunshine.publicity.TermsVersion;
import sunshine.shared.BusinessException;
import sunshine.shared.Today;
import sunshine.transfer.pdf.PdfDoc;

/**
 * What is posted in the village (Chinese: it hangs on the village board): the notice poster of R27 (names, amounts,
 * term, supervision phone, dates; never a resident ID or a phone of a customer) and the account managers' board of
 * 000 §4.5.2 (name, staff number, phone, complaint phone).
 */
@Service
public class NoticePrints {

    private final Notices notices;
    private final ApprovalCases cases;
    private final PublicLinks links;
    private final PublishedTerms terms;

    NoticePrints(Notices notices, ApprovalCases cases, PublicLinks links, PublishedTerms terms) {
        this.notices = notices;
        this.cases = cases;
        this.links = links;
        this.terms = terms;
    }

    /** The poster of a notice (PUBLIC mode only: in INTERNAL mode no amount is ever printed for customers). */
    @Transactional // the area's public link is made on first use
    public byte[] poster(long noticeId) {
        Notice n = notices.get(noticeId);
        if (terms.noticeMode(n.bankId()) != NoticeMode.PUBLIC) {
            throw new BusinessException("approval.error.notPublic");
        }
        PublicArea area = links.view(n.areaId());
        DecimalFormat money = new DecimalFormat("#,##0.00");
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Notice.Line l : n.lines()) {
            if (l.status() == CaseStatus.REMOVED || l.status() == CaseStatus.SUPERSEDED) {
                continue;
            }
            rows.add(List.of(String.valueOf(i++), l.name(), money.format(l.amount()), n.termMonths() + "个月"));
        }
        try (PdfDoc doc = PdfDoc.portrait("阳光信贷预授信公示", area.bankName())) {
            return doc.title(area.bankName() + "阳光信贷预授信公示")
                    .centered(place(area), 12, false, PdfDoc.GREY)
                    .paragraph("经村评议小组评议、我行逐级审批，下列农户拟获得授信。现予公示，接受群众监督。" + "如有异议，请在公示期内向村评议小组、客户经理反映或拨打监督电话。")
                    .fields(List.of(
                            new String[] {"公示期", n.postedOn() + " 至 " + n.until() + "（" + n.periodDays() + "天）"},
                            new String[] {"监督电话", n.supervisionPhone() == null ? "" : n.supervisionPhone()},
                            new String[] {"张贴日期", n.postedOn().toString()},
                            new String[] {"授信期限", n.termMonths() + "个月"}))
                    .table(
                            List.of(
                                    PdfDoc.col("序号", 0.6f),
                                    PdfDoc.col("户主（授信代表）", 2),
                                    PdfDoc.col("拟授信额度（元）", 1.6f).right(),
                                    PdfDoc.col("期限", 1)),
                            rows)
                    .space(12)
                    .note("公示期满无异议的，自 " + n.grantableFrom() + " 起方可签订合同、发放贷款证。本公示不含身份证号码等个人信息。")
                    .signatures("公示单位（盖章）：", "日期：")
                    .toBytes();
        }
    }

    /** The account managers' board of an area (000 §4.5.2): printable in either mode, it carries no amount. */
    @Transactional
    public byte[] board(long areaId) {
        cases.requireArea(areaId);
        PublicArea area = links.view(areaId);
        String complaint = terms.inForce(area.bankId(), Today.date())
                .map(TermsVersion::complaintPhone)
                .orElse("");
        String supervision = terms.inForce(area.bankId(), Today.date())
                .map(TermsVersion::supervisionPhone)
                .orElse("");
        List<List<String>> rows = area.managers().stream()
                .map(m -> List.of(m.name(), m.staffNo(), m.phone() == null ? "" : m.phone()))
                .toList();
        try (PdfDoc doc = PdfDoc.portrait("客户经理公示牌", area.bankName())) {
            return doc.title(area.bankName() + "客户经理公示牌")
                    .centered(place(area), 12, false, PdfDoc.GREY)
                    .paragraph("本村（社区）阳光信贷由以下客户经理负责，欢迎咨询办理。工作中如有吃拿卡要、不作为等问题，请拨打投诉电话。")
                    .table(List.of(PdfDoc.col("客户经理", 2), PdfDoc.col("工号", 1.5f), PdfDoc.col("联系电话", 2)), rows)
                    .space(12)
                    .fields(List.of(new String[] {"投诉电话", complaint}, new String[] {"监督电话", supervision}))
                    .note("所属机构：" + area.branchName())
                    .toBytes();
        }
    }

    private static String place(PublicArea area) {
        return (area.townshipName() == null ? "" : area.townshipName()) + area.areaName();
    }
}
