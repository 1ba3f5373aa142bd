package sunshine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sunshine.check.CertificatePolicy.Category;

/** R25 on hand-made cases. */
class CertificatePolicyTest {

    @Test
    void r25Cases() {
        assertThat(CertificatePolicy.classify("NONE", true, true, false)).isEqualTo(Category.RAISE_AFTER_REPAYMENT);
        assertThat(CertificatePolicy.classify("NONE", true, false, false)).isEqualTo(Category.RUN_TO_MATURITY);
        assertThat(CertificatePolicy.classify("NONE", null, null, false)).isEqualTo(Category.RUN_TO_MATURITY);
        assertThat(CertificatePolicy.classify("MALICIOUS", true, true, false)).isEqualTo(Category.NO_CREDIT);
        assertThat(CertificatePolicy.classify("NONE", true, false, true)).isEqualTo(Category.NO_CREDIT);
        assertThat(CertificatePolicy.classify("NON_WILFUL", true, true, false))
                .isEqualTo(Category.AFTER_FULL_REPAYMENT);
        assertThat(CertificatePolicy.classify("NON_WILFUL", false, false, false))
                .isEqualTo(Category.NO_CREDIT);
    }

    @Test
    void aHouseholdTakesItsMostSevereCertificate() {
        var f = List.of(
                new CertificatePolicy.Finding(Category.RUN_TO_MATURITY, 1, 1, 2),
                new CertificatePolicy.Finding(Category.AFTER_FULL_REPAYMENT, 2, 1, 3));
        assertThat(CertificatePolicy.of(f)).isEqualTo(Category.AFTER_FULL_REPAYMENT);
    }
}
