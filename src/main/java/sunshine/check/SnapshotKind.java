package sunshine.check;

import static sunshine.check.SnapshotField.AMOUNT;
import static sunshine.check.SnapshotField.ARREARS;
import static sunshine.check.SnapshotField.BALANCE;
import static sunshine.check.SnapshotField.BORROWER_ID;
import static sunshine.check.SnapshotField.BRANCH;
import static sunshine.check.SnapshotField.CERT_NO;
import static sunshine.check.SnapshotField.CLASS;
import static sunshine.check.SnapshotField.EVENT_DATE;
import static sunshine.check.SnapshotField.GUARANTORS;
import static sunshine.check.SnapshotField.GUARANTOR_ID;
import static sunshine.check.SnapshotField.HOLDER_ID;
import static sunshine.check.SnapshotField.INTEREST_PAID;
import static sunshine.check.SnapshotField.ISSUE_DATE;
import static sunshine.check.SnapshotField.LOAN_NO;
import static sunshine.check.SnapshotField.MANAGER;
import static sunshine.check.SnapshotField.MATURITY_DATE;
import static sunshine.check.SnapshotField.PERSONAL;
import static sunshine.check.SnapshotField.PRODUCT;
import static sunshine.check.SnapshotField.RAISE;

import java.util.List;
import java.util.Set;

/**
 * What the core system hands over (§4), one kind per file. The first field naming a person is the person the
 * row is about (borrower, guarantor or certificate holder). CERTIFICATE is not in §4's list: R25 needs the
 * older loan certificates, so they come in the same way.
 */
public enum SnapshotKind {
    LEDGER(
            "贷款台账",
            List.of(
                    LOAN_NO,
                    BORROWER_ID,
                    BRANCH,
                    MANAGER,
                    PRODUCT,
                    AMOUNT,
                    BALANCE,
                    ISSUE_DATE,
                    MATURITY_DATE,
                    CLASS,
                    GUARANTORS),
            Set.of(LOAN_NO, BORROWER_ID, BRANCH, AMOUNT, BALANCE, ISSUE_DATE, MATURITY_DATE, CLASS)),
    WRITE_OFF(
            "核销贷款",
            List.of(LOAN_NO, BORROWER_ID, BRANCH, AMOUNT, EVENT_DATE, PERSONAL),
            Set.of(LOAN_NO, BORROWER_ID, BRANCH, AMOUNT, EVENT_DATE, PERSONAL)),
    GUARANTOR_REPAID(
            "担保人代偿贷款",
            List.of(LOAN_NO, BORROWER_ID, BRANCH, AMOUNT, EVENT_DATE, GUARANTOR_ID),
            Set.of(LOAN_NO, BORROWER_ID, BRANCH, AMOUNT, EVENT_DATE)),
    GUARANTEE_DEFAULT(
            "担保人未履行担保责任",
            List.of(LOAN_NO, GUARANTOR_ID, BRANCH, AMOUNT, EVENT_DATE),
            Set.of(LOAN_NO, GUARANTOR_ID, BRANCH, AMOUNT, EVENT_DATE)),
    LITIGATION(
            "诉讼清收贷款",
            List.of(LOAN_NO, BORROWER_ID, BRANCH, AMOUNT, EVENT_DATE),
            Set.of(LOAN_NO, BORROWER_ID, BRANCH, AMOUNT, EVENT_DATE)),
    CERTIFICATE(
            "存量贷款证",
            List.of(
                    CERT_NO,
                    HOLDER_ID,
                    BRANCH,
                    AMOUNT,
                    BALANCE,
                    ISSUE_DATE,
                    MATURITY_DATE,
                    ARREARS,
                    INTEREST_PAID,
                    RAISE),
            Set.of(CERT_NO, HOLDER_ID, BRANCH, AMOUNT, BALANCE, ISSUE_DATE, MATURITY_DATE, ARREARS));

    private final String title;
    private final List<SnapshotField> fields;
    private final Set<SnapshotField> required;

    SnapshotKind(String title, List<SnapshotField> fields, Set<SnapshotField> required) {
        this.title = title;
        this.fields = fields;
        this.required = required;
    }

    /** The Chinese name, used in file names of templates. */
    public String title() {
        return title;
    }

    public List<SnapshotField> fields() {
        return fields;
    }

    public boolean required(SnapshotField f) {
        return required.contains(f);
    }

    /** The field naming the person the row is about. */
    public SnapshotField person() {
        return switch (this) {
            case GUARANTEE_DEFAULT -> GUARANTOR_ID;
            case CERTIFICATE -> HOLDER_ID;
            default -> BORROWER_ID;
        };
    }
}
