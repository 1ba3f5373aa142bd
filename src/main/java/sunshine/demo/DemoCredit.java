package sunshine.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
 * Demo credit of 章丘农商银行, after the approval demo: when approved limits are grantable, a few households sign
 * their contracts and receive certificates, some draw and one repays part. Without grantable limits it does nothing.
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
        DemoBank.actAsAdmin(bank, () -> {
            LocalDate today = Today.date();
            List<GrantableLimit> ready = grantable.awaitingContract().stream()
                    .filter(g -> g.grantableOn(today))
                    .limit(8)
                    .toList();
            int n = 0;
            for (GrantableLimit g : ready) {
                CreditLine line =
                        lines.sign(new ContractCommand(g.householdId(), null, n % 3 == 2 ? "保证人：同村农户" : null, null));
                if (n % 2 == 0) {
                    String id = jdbc.sql("select resident_id from customer where id = :c")
                            .param("c", line.representativeId())
                            .query(String.class)
                            .single();
                    BigDecimal draw =
                            line.limit().multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
                    movements.draw(new MovementCommand(line.certificateNo(), id, draw, null));
                    if (n % 4 == 0) {
                        BigDecimal back = draw.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
                        movements.repay(new MovementCommand(line.certificateNo(), null, back, null));
                    }
                }
                n++;
            }
            log.info("Demo credit: {} contracts signed", n);
        });
    }
}
