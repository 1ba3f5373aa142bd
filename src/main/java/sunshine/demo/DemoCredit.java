package sunshine.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sunshine.credit.ContractCommand;
import sunshine.credit.CreditLine;
import sunshine.credit.CreditLines;
import sunshine.credit.GrantableLimit;
import sunshine.credit.GrantableLimits;
import sunshine.credit.LineMovements;
import sunshine.credit.MovementCommand;
import sunshine.customer.ExclusionReason;
import sunshine.customer.Exclusions;
import sunshine.organisation.Bank;
import sunshine.organisation.Banks;
import sunshine.shared.Today;

/**
 * Demo credit of 章丘农商银行, after the approval demo: the households whose notice period has passed sign their
 * contracts and receive certificates in the past few days, most of them draw and some repay part or all; one line is
 * frozen when a member of its household is excluded (R7). Business dates are moved with {@link Today#shiftDays}.
 * Without grantable limits it does nothing.
 */
@Component
class DemoCredit {

    private static final Logger log = LoggerFactory.getLogger(DemoCredit.class);

    private final Banks banks;
    private final GrantableLimits grantable;
    private final CreditLines lines;
    private final LineMovements movements;
    private final Exclusions exclusions;
    private final JdbcClient jdbc;

    DemoCredit(
            Banks banks,
            GrantableLimits grantable,
            CreditLines lines,
            LineMovements movements,
            Exclusions exclusions,
            JdbcClient jdbc) {
        this.banks = banks;
        this.grantable = grantable;
        this.lines = lines;
        this.movements = movements;
        this.exclusions = exclusions;
        this.jdbc = jdbc;
    }

    void load() {
        Bank bank = banks.findByCode("ZQRCB").orElseThrow();
        long start = System.currentTimeMillis();
        try {
            DemoBank.actAsAdmin(bank, this::signAndDraw);
        } finally {
            Today.shiftDays(0);
        }
        log.info("Demo credit in {} ms", System.currentTimeMillis() - start);
    }

    /**
     * Four days ago five in six of the households whose notice period had passed signed (one in three with a
     * guarantor), the others have not come yet; three days ago two in three drew 40% of their limit; two days ago
     * every fifth of those drew another 20%; yesterday every other one repaid half of its first draw, every seventh
     * repaid everything, and a member of the last signed household was excluded for a criminal record, which freezes
     * its line.
     */
    private void signAndDraw() {
        Today.shiftDays(-4);
        LocalDate signedOn = Today.date();
        List<GrantableLimit> ready = grantable.awaitingContract().stream()
                .filter(g -> g.grantableOn(signedOn))
                .toList();
        List<CreditLine> signed = new ArrayList<>();
        for (int n = 0; n < ready.size(); n++) {
            if (n % 6 == 5) {
                continue; // not come to sign yet
            }
            GrantableLimit g = ready.get(n);
            signed.add(lines.sign(
                    new ContractCommand(g.householdId(), null, signed.size() % 3 == 2 ? "保证人：同村农户" : null, null)));
        }
        Today.shiftDays(-3);
        List<MovementCommand> drawn = new ArrayList<>();
        for (int n = 0; n < signed.size(); n++) {
            if (n % 3 == 2) {
                continue; // every third household has not drawn yet
            }
            CreditLine line = signed.get(n);
            BigDecimal draw = line.limit().multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
            MovementCommand m = new MovementCommand(line.certificateNo(), residentId(line), draw, null);
            movements.draw(m);
            drawn.add(m);
        }
        Today.shiftDays(-2);
        for (int n = 0; n < drawn.size(); n += 5) {
            MovementCommand d = drawn.get(n);
            BigDecimal more = d.amount().divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
            movements.draw(new MovementCommand(d.certificateNo(), d.residentId(), more, null));
        }
        Today.shiftDays(-1);
        int repaidInFull = 0;
        for (int n = 1; n < drawn.size(); n += 2) {
            MovementCommand d = drawn.get(n);
            if (n % 7 == 1) {
                BigDecimal outstanding = lines.byCertificate(d.certificateNo()).outstanding();
                movements.repay(new MovementCommand(d.certificateNo(), null, outstanding, null));
                repaidInFull++;
            } else {
                BigDecimal back = d.amount().divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
                movements.repay(new MovementCommand(d.certificateNo(), null, back, null));
            }
        }
        if (!signed.isEmpty()) {
            // R7: the exclusion freezes the household's line (LineFreezing)
            CreditLine last = signed.get(signed.size() - 1);
            exclusions.exclude(last.representativeId(), ExclusionReason.CRIMINAL_RECORD, "法院判决书显示该户主因赌博被判刑。", "判决书复印件");
        }
        log.info(
                "Demo credit: {} contracts signed, {} drawn, {} repaid in full",
                signed.size(),
                drawn.size(),
                repaidInFull);
    }

    private String residentId(CreditLine line) {
        return jdbc.sql("select resident_id from customer where id = :c")
                .param("c", line.representativeId())
                .query(String.class)
                .single();
    }
}
