package sunshine.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sunshine.check.FinalLists;
import sunshine.check.Findings;
import sunshine.check.SnapshotKind;
import sunshine.check.Snapshots;
import sunshine.customer.ResidentId;
import sunshine.shared.Today;

/**
 * Ledger findings for the demo (issue 6 points 2, 3), on top of the review results: a small head-office ledger with,
 * for B01-B03, one loan to a filed borrower who is not on the pre-credit list (R23 a) and one loan above a household's
 * pre-credit amount (R23 b). Loading it runs the check; then the branch heads explain four, head-office risk refers
 * one to audit, head-office credit accepts two, and one stays open (its area cannot be fixed until the branch
 * explains). Then every other area with results gets its final list fixed by its branch head.
 * Does nothing when there are no review results yet (the checks need a list to hold the ledger against).
 */
@Service
public class DemoFindings {

    private static final String HEADER = "贷款账号,借款人身份证号,机构代码,客户经理工号,贷款产品,金额,余额,发放日期,到期日期,五级分类,担保人身份证号(多个用;分隔)\n";

    private final JdbcClient jdbc;
    private final Snapshots snapshots;
    private final Findings findings;
    private final FinalLists finalLists;

    DemoFindings(JdbcClient jdbc, Snapshots snapshots, Findings findings, FinalLists finalLists) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.findings = findings;
        this.finalLists = finalLists;
    }

    public void load() {
        Optional<Long> bankId = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .optional();
        if (bankId.isEmpty()) {
            return;
        }
        long bank = bankId.get();
        boolean listed = jdbc.sql("""
                        select exists (select 1 from review_pre_credit
                                        where bank_id = :b and status = 'COMPLETE' and eligible and amount > 0)""").param("b", bank).query(Boolean.class).single();
        if (!listed) {
            return;
        }
        LocalDate asOf = Today.date();
        StringBuilder ledger = new StringBuilder(HEADER);
        int rows = 0;
        for (String code : List.of("B01", "B02", "B03")) {
            Optional<String> notOnList = jdbc.sql("""
                    select c.resident_id from customer c join household h on h.id = c.household_id
                      join branch b on b.id = c.branch_id
                     where b.bank_id = :bank and b.code = :code and not c.excluded
                       and h.area_id in (select area_id from review_pre_credit where bank_id = :bank)
                       and not exists (select 1 from review_pre_credit p where p.household_id = h.id
                                          and p.status = 'COMPLETE' and p.eligible and p.amount > 0)
                     order by c.id limit 1""")
                    .param("bank", bank)
                    .param("code", code)
                    .query(String.class)
                    .optional();
            String borrower = notOnList.orElse(ResidentId.complete("37011419700101" + "90" + code.charAt(2)));
            ledger.append(row(code + "-HC1", borrower, code, new BigDecimal("30000"), asOf));
            rows++;
            Optional<Object[]> above = jdbc.sql("""
                    select r.resident_id, p.amount from review_pre_credit p join household h on h.id = p.household_id
                      join customer r on r.id = h.representative_id join branch b on b.id = h.branch_id
                     where b.bank_id = :bank and b.code = :code and p.status = 'COMPLETE' and p.eligible
                       and p.amount > 0 and not r.excluded
                     order by p.household_id desc limit 1""")
                    .param("bank", bank)
                    .param("code", code)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
                    .optional();
            if (above.isPresent()) {
                BigDecimal amount = ((BigDecimal) above.get()[1]).add(new BigDecimal("10000"));
                ledger.append(row(code + "-HC2", (String) above.get()[0], code, amount, asOf));
                rows++;
            }
        }
        if (rows == 0) {
            return;
        }
        long headOffice = jdbc.sql("select id from branch where bank_id = :b and kind = 'HEAD_OFFICE'")
                .param("b", bank)
                .query(Long.class)
                .single();
        // loading it runs the ledger check (SnapshotLoaded)
        snapshots.loadAsBranch(
                bank,
                headOffice,
                SnapshotKind.LEDGER,
                asOf,
                "总行补充台账.csv",
                new ByteArrayInputStream(ledger.toString().getBytes(StandardCharsets.UTF_8)));
        long auditor = staffOf("ho_audit");
        finding("B01-HC1").ifPresent(id -> as("b01_head", () -> findings.explain(id, "该户上月刚从外村迁入，贷款发放在评议之后，已补充建档。")));
        finding("B01-HC2")
                .ifPresent(id -> as(
                        "ho_risk",
                        () -> findings.refer(
                                id,
                                new Findings.ReferRequest(
                                        "贷款金额超过预授信金额 1 万元，支行未说明原因；请核查客户经理发放依据。", auditor, asOf.plusDays(14)))));
        finding("B02-HC2").ifPresent(id -> {
            as("b02_head", () -> findings.explain(id, "该户为种养大户，经支行贷审会审批发放，附会议纪要。"));
            as("ho_credit", () -> findings.accept(id, "原因合理，认可。"));
        });
        finding("B03-HC1").ifPresent(id -> {
            as("b03_head", () -> findings.explain(id, "该户为外出务工返乡人员，贷款发放时尚未纳入评议，已补充建档。"));
            as("ho_credit", () -> findings.accept(id, "原因合理，认可。"));
        });
        finding("B03-HC2").ifPresent(id -> as("b03_head", () -> findings.explain(id, "该户新增大棚投资，经支行审批追加贷款，附审批单。")));
        // B02-HC1 stays open: its area's final list waits for the branch's reason
        // every other area with results has no open finding left: its branch head fixes its final list, which starts
        // the approval chain (FinalListFixed), so the later stages of the demo have something to show
        record Area(long id, String branch) {}
        for (Area area : jdbc.sql("""
                        select distinct p.area_id, lower(b.code) from review_pre_credit p join branch b on b.id = p.branch_id
                         where p.bank_id = :bank and b.code in ('B01', 'B02', 'B03') order by 2, 1""")
                .param("bank", bank)
                .query((rs, n) -> new Area(rs.getLong(1), rs.getString(2)))
                .list()) {
            try {
                as(area.branch() + "_head", () -> finalLists.fix(area.id(), null));
            } catch (sunshine.shared.BusinessException e) {
                // an area still held up by a finding stays unfixed: the demo shows that too
                org.slf4j.LoggerFactory.getLogger(DemoFindings.class)
                        .info("demo final list of area {} not fixed: {}", area.id(), e.getMessage());
            }
        }
    }

    private static String row(String loanNo, String residentId, String branch, BigDecimal amount, LocalDate asOf) {
        LocalDate issued = asOf.minusMonths(2);
        return loanNo + "," + residentId + "," + branch + ",,农户小额信用贷款," + amount.toPlainString() + ","
                + amount.toPlainString() + "," + issued + "," + issued.plusYears(1) + ",正常,\n";
    }

    private Optional<Long> finding(String loanNo) {
        return jdbc.sql("select id from check_finding where loan_no = :l and status = 'OPEN'")
                .param("l", loanNo)
                .query(Long.class)
                .optional();
    }

    private long staffOf(String username) {
        return jdbc.sql("select staff_id from user_account where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    /** Runs the work as the demo user, so each step is that person's decision in the audit log. */
    private void as(String username, Runnable work) {
        DemoBank.actAs(DemoBank.user(jdbc, username), work);
    }
}
