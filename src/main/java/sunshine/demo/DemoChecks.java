package sunshine.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sunshine.check.SnapshotKind;
import sunshine.check.Snapshots;
import sunshine.shared.Today;

/**
 * A small core-system picture for the demo bank's B01-B03 (issue 6): per branch a loan ledger of forty loans
 * (a few non-performing), a few write-offs, guarantor repayments, defaulting guarantors, litigation recoveries
 * and older certificates of every R25 kind, each loaded as that branch's snapshot through the same reader. Once the
 * review has a pre-credit list, the ledger's borrowers and the bad records are people of listed households, so the
 * final lists leave households off for every R24 kind.
 */
@Service
public class DemoChecks {

    /** Five-class status by loan: mostly normal, one in twenty each of special mention, substandard, doubtful, loss. */
    private static final String[] CLASSES = {
        "正常", "正常", "正常", "正常", "关注", "次级", "正常", "正常", "正常", "正常",
        "正常", "正常", "正常", "可疑", "正常", "正常", "正常", "正常", "正常", "损失"
    };

    private final JdbcClient jdbc;
    private final Snapshots snapshots;

    DemoChecks(JdbcClient jdbc, Snapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    public void load() {
        long bank = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .single();
        LocalDate asOf = Today.date().minusDays(1);
        for (String code : List.of("B01", "B02", "B03")) {
            long branch = jdbc.sql("select id from branch where bank_id = :b and code = :c")
                    .param("b", bank)
                    .param("c", code)
                    .query(Long.class)
                    .single();
            // every 7th customer of the branch, so the people are spread over villages
            List<String> ids = new java.util.ArrayList<>(
                    jdbc.sql("""
                    select resident_id from (select resident_id, row_number() over (order by id) n
                                               from customer where branch_id = :br and not excluded) x
                     where n % 7 = 5 order by n limit 60""").param("br", branch).query(String.class).list());
            if (ids.size() < 60) {
                continue;
            }
            StringBuilder ledger =
                    new StringBuilder("贷款账号,借款人身份证号,机构代码,客户经理工号,贷款产品,金额,余额,发放日期,到期日期,五级分类,担保人身份证号(多个用;分隔)\n");
            // once the review has a pre-credit list, the ledger's borrowers are households on it and no loan is
            // above its household's amount: the demo's findings (DemoFindings) stay few, so areas can be fixed (R23)
            List<Object[]> listed = jdbc.sql("""
                    select r.resident_id, p.amount from review_pre_credit p join household h on h.id = p.household_id
                      join customer r on r.id = h.representative_id
                     where h.branch_id = :br and p.status = 'COMPLETE' and p.eligible and p.amount > 0 and not r.excluded
                     order by p.household_id limit 50""")
                    .param("br", branch)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
                    .list();
            // R24: the bad records fall on households of the list (once there is one), so each kind removes one
            // household from the final list: listed households 40-45 when the list is long enough
            boolean onList = listed.size() >= 46;
            for (int k = 40; onList && k < 46; k++) {
                ids.set(k, (String) listed.get(k)[0]);
            }
            for (int i = 0; i < 40; i++) {
                LocalDate issued = asOf.minusMonths(3 + i % 20);
                BigDecimal amount = BigDecimal.valueOf(20000 + 1000 * (i % 30));
                String borrower = ids.get(i);
                if (!listed.isEmpty()) {
                    Object[] l = listed.get(i % Math.min(40, listed.size()));
                    borrower = (String) l[0];
                    amount = amount.min((BigDecimal) l[1]);
                }
                ledger.append(code)
                        .append("-DK")
                        .append(1000 + i)
                        .append(',')
                        .append(borrower)
                        .append(',')
                        .append(code)
                        .append(",,农户小额信用贷款,")
                        .append(amount.setScale(2).toPlainString())
                        .append(',')
                        .append(BigDecimal.valueOf(5000 + 500 * (i % 17))
                                .min(amount)
                                .setScale(2)
                                .toPlainString())
                        .append(',')
                        .append(issued)
                        .append(',')
                        .append(issued.plusYears(2))
                        .append(',')
                        .append(CLASSES[i % CLASSES.length])
                        .append(',')
                        .append(i % 4 == 0 ? ids.get(59 - i / 4) : "")
                        .append('\n');
            }
            load(bank, branch, SnapshotKind.LEDGER, asOf, code + "-台账.csv", ledger);
            StringBuilder writeOff = new StringBuilder("贷款账号,借款人身份证号,机构代码,金额,发生日期,是否个人贷款\n");
            writeOff.append(code)
                    .append("-HX1,")
                    .append(ids.get(40))
                    .append(',')
                    .append(code)
                    .append(",8000.00,2019-12-31,是\n");
            writeOff.append(code)
                    .append("-HX2,")
                    .append(ids.get(41))
                    .append(',')
                    .append(code)
                    .append(",12000.00,2020-12-31,否\n");
            load(bank, branch, SnapshotKind.WRITE_OFF, asOf, code + "-核销.csv", writeOff);
            load(
                    bank,
                    branch,
                    SnapshotKind.GUARANTOR_REPAID,
                    asOf,
                    code + "-代偿.csv",
                    new StringBuilder("贷款账号,借款人身份证号,机构代码,金额,发生日期,担保人身份证号\n")
                            .append(code)
                            .append("-DC1,")
                            .append(ids.get(42))
                            .append(',')
                            .append(code)
                            .append(",6000.00,2022-06-30,")
                            .append(ids.get(43))
                            .append('\n'));
            load(
                    bank,
                    branch,
                    SnapshotKind.GUARANTEE_DEFAULT,
                    asOf,
                    code + "-担保未履约.csv",
                    new StringBuilder("贷款账号,担保人身份证号,机构代码,金额,发生日期\n")
                            .append(code)
                            .append("-DB1,")
                            .append(ids.get(44))
                            .append(',')
                            .append(code)
                            .append(",9000.00,2023-03-31\n"));
            load(
                    bank,
                    branch,
                    SnapshotKind.LITIGATION,
                    asOf,
                    code + "-诉讼清收.csv",
                    new StringBuilder("贷款账号,借款人身份证号,机构代码,金额,发生日期\n")
                            .append(code)
                            .append("-SS1,")
                            .append(ids.get(45))
                            .append(',')
                            .append(code)
                            .append(",4000.00,2024-09-30\n"));
            StringBuilder certs = new StringBuilder("贷款证号,持证人身份证号,机构代码,金额,余额,发放日期,到期日期,拖欠情况,是否正常付息,是否申请提额\n");
            String[][] kinds = {
                {"无", "是", "是"}, {"无", "是", "否"}, {"恶意拖欠", "否", "否"}, {"非恶意拖欠", "是", "否"}, {"无", "是", "否"}
            };
            for (int i = 0; i < 10; i++) {
                String[] k = kinds[i % kinds.length];
                certs.append(code)
                        .append("-DKZ")
                        .append(100 + i)
                        .append(',')
                        .append(ids.get(46 + i))
                        .append(',')
                        .append(code)
                        .append(",50000.00,")
                        .append(10000 + 1000 * i)
                        .append(".00,2024-03-01,2027-03-01,")
                        .append(k[0])
                        .append(',')
                        .append(k[1])
                        .append(',')
                        .append(k[2])
                        .append('\n');
            }
            load(bank, branch, SnapshotKind.CERTIFICATE, asOf, code + "-存量贷款证.csv", certs);
        }
    }

    private void load(long bank, long branch, SnapshotKind kind, LocalDate asOf, String name, StringBuilder csv) {
        snapshots.loadAsBranch(
                bank,
                branch,
                kind,
                asOf,
                name,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
