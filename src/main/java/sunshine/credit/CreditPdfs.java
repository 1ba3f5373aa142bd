package sunshine.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import sunshine.transfer.pdf.PdfDoc;

/**
 * The credit module's printed papers, drawn with the shared A4 writer: the loan certificate of a line (R28), an
 * area's 一览表 (R29) and the incentive sheet of a period (R15). Chinese only, as the papers villagers keep; resident
 * IDs masked. In INTERNAL mode the certificate does not print the amount (R27).
 */
final class CreditPdfs {

    private CreditPdfs() {}

    static byte[] certificate(String bank, CreditLine l) {
        try (PdfDoc doc = PdfDoc.portrait("贷款证 " + l.certificateNo(), bank)) {
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"贷款证号", l.certificateNo()});
            fields.add(new String[] {"借款合同编号", l.contractNo()});
            fields.add(new String[] {"持证人（家庭授信代表）", l.representative()});
            fields.add(new String[] {"身份证号", l.residentIdMasked()});
            fields.add(new String[] {"所在村（社区）", l.areaName()});
            fields.add(new String[] {"发证机构", l.branchName()});
            fields.add(new String[] {"信用等级", l.grade() == null ? "—" : l.grade()});
            fields.add(new String[] {"授信额度", l.amountShown() ? yuan(l.limit()) + " 元" : "以借款合同为准"});
            if (l.annualRate() != null) {
                fields.add(new String[] {
                    "执行年利率", l.annualRate().stripTrailingZeros().toPlainString() + "%"
                });
            }
            fields.add(new String[] {"授信期限", l.termFrom() + " 至 " + l.termTo()});
            fields.add(new String[] {"担保方式", l.guarantee() == null ? "信用" : l.guarantee()});
            fields.add(new String[] {"发证日期", l.signedOn().toString()});
            return doc.title(bank + " 阳光信贷贷款证")
                    .fields(fields)
                    .space(8)
                    .paragraph("在授信额度和期限内，余额控制、随用随贷、周转使用。用信时请持本证、身份证和本人印章（两证一章）到本行网点办理。")
                    .note("本证仅限持证人家庭使用，不得转借；遗失请及时到发证机构挂失。")
                    .space(18)
                    .signatures("持证人签章", "经办人", "发证机构（盖章）")
                    .toBytes();
        }
    }

    static byte[] areaList(String bank, CertificateLists.AreaList list) {
        try (PdfDoc doc = PdfDoc.landscape(list.area().name() + " 信用等级评定及授信一览表", bank)) {
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (CreditLine l : list.lines()) {
                rows.add(List.of(
                        String.valueOf(++n),
                        l.certificateNo(),
                        l.contractNo(),
                        l.representative(),
                        l.residentIdMasked(),
                        l.grade() == null ? "" : l.grade(),
                        yuan(l.limit()),
                        l.termFrom() + " 至 " + l.termTo(),
                        CertificateSheet.status(l)));
            }
            List<List<String>> grades = new ArrayList<>();
            list.grades().forEach(g -> grades.add(List.of(g.grade(), String.valueOf(g.households()), yuan(g.limit()))));
            grades.add(List.of("合计", String.valueOf(list.households()), yuan(list.limit())));
            return doc.title(list.area().name() + " 信用等级评定及授信一览表")
                    .note(bank + " · " + list.area().branchName())
                    .table(
                            List.of(
                                    PdfDoc.col("序号", 0.5f),
                                    PdfDoc.col("贷款证号", 1.6f),
                                    PdfDoc.col("合同编号", 1.5f),
                                    PdfDoc.col("授信代表", 1.1f),
                                    PdfDoc.col("身份证号", 1.8f),
                                    PdfDoc.col("信用等级", 0.7f),
                                    PdfDoc.col("授信额度（元）", 1.2f).right(),
                                    PdfDoc.col("期限", 2f),
                                    PdfDoc.col("状态", 0.7f)),
                            rows)
                    .heading("按信用等级汇总")
                    .table(
                            List.of(
                                    PdfDoc.col("信用等级", 1),
                                    PdfDoc.col("户数", 1).right(),
                                    PdfDoc.col("授信额度（元）", 1.5f).right()),
                            grades)
                    .toBytes();
        }
    }

    static byte[] incentives(String bank, Incentives.Sheet s) {
        try (PdfDoc doc = PdfDoc.portrait("评议激励表", bank)) {
            List<List<String>> rows = new ArrayList<>();
            s.areas()
                    .forEach(a -> rows.add(List.of(
                            a.branchName(),
                            a.areaName(),
                            String.valueOf(a.certificates()),
                            yuan(a.villageCommittee()),
                            yuan(a.assistant()),
                            yuan(a.total()))));
            rows.add(List.of(
                    "合计",
                    "",
                    String.valueOf(s.certificates()),
                    yuan(s.villageCommittee()),
                    yuan(s.assistant()),
                    yuan(s.total())));
            return doc.title(bank + " 阳光信贷评议激励表")
                    .paragraph("期间：" + s.from() + " 至 " + s.to())
                    .note("每新发一本贷款证：村委会 " + yuan(s.villageCommitteeFee()) + " 元、协理员 " + yuan(s.assistantFee())
                            + " 元，列入业务费用。金额 = 新发贷款证数 × 每证金额。")
                    .table(
                            List.of(
                                    PdfDoc.col("机构", 1.4f),
                                    PdfDoc.col("村（社区）", 1.6f),
                                    PdfDoc.col("新发贷款证", 1).right(),
                                    PdfDoc.col("村委会（元）", 1.1f).right(),
                                    PdfDoc.col("协理员（元）", 1.1f).right(),
                                    PdfDoc.col("合计（元）", 1.1f).right()),
                            rows)
                    .space(18)
                    .signatures("制表", "复核", "负责人")
                    .toBytes();
        }
    }

    static String yuan(BigDecimal v) {
        return v == null ? "" : String.format("%,.2f", v.setScale(2, RoundingMode.HALF_UP));
    }
}
