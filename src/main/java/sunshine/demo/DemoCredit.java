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
import sunshine.organisation.Bank;
import sunshine.organisation.Banks;
import sunshine.shared.Today;

/**
 * Demo credit of 章丘农商银行, after the approval demo: the households of the village whose notice period has
 * passed sign their contracts and receive certificates in the past few days, half of them draw and some repay part
 * (business dates moved with {@link Today#shiftDays}). Without grantable limits it does nothing.
 */
@Component
class DemoCredit {

    private static final Logger log = LoggerFactory.getLogger(DemoCredit.class);

    private final Banks banks;
    private final GrantableLimits grantable;
    private final CreditLines lines;
    private final LineMovements movements;
    private final JdbcClient jdbc;

    DemoCredit(Banks banks, GrantableLimits grantable, CreditLines lines, LineMovements movements, JdbcClient jdbc) {
        this.banks = banks;
        this.grantable = grantable;
        this.lines = lines;
        this.movements = movements;
        this.jdbc = jdbc;
    }

    void load() {
        Bank bank = banks.findByCode("ZQRCB").orElseThrow();
        try {
            DemoBank.actAsAdmin(bank, this::signAndDraw);
        } finally {
            Today.shiftDays(0);
        }
    }

    /**
     * Four days ago the households whose notice period had passed signed (one in three with a guarantor); three days
     * ago two in three drew 40% of their limit; yesterday every other one of those repaid half of it.
     */
    private void signAndDraw() {
        Today.shiftDays(-4);
        LocalDate signedOn = Today.date();
        List<GrantableLimit> ready = grantable.awaitingContract().stream()
                .filter(g -> g.grantableOn(signedOn))
                .limit(40)
                .toList();
        List<CreditLine> signed = new ArrayList<>();
        for (GrantableLimit g : ready) {
            int n = signed.size();
            signed.add(lines.sign(new ContractCommand(g.householdId(), null, n % 3 == 2 ? "保证人：同村农户" : null, null)));
        }
        Today.shiftDays(-3);
        List<MovementCommand> drawn = new ArrayList<>();
        for (int n = 0; n < signed.size(); n++) {
            if (n % 3 == 2) {
                continue; // every third household has not drawn yet
            }
            CreditLine line = signed.get(n);
            String id = jdbc.sql("select resident_id from customer where id = :c")
                    .param("c", line.representativeId())
                    .query(String.class)
                    .single();
            BigDecimal draw = line.limit().multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
            MovementCommand m = new MovementCommand(line.certificateNo(), id, draw, null);
            movements.draw(m);
            drawn.add(m);
        }
        Today.shiftDays(-1);
        for (int n = 0; n < drawn.size(); n += 2) {
            MovementCommand d = drawn.get(n);
            BigDecimal back = d.amount().divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
            movements.repay(new MovementCommand(d.certificateNo(), null, back, null));
        }
        log.info("Demo credit: {} contracts signed, {} drawn", signed.size(), drawn.size());
    }
}
