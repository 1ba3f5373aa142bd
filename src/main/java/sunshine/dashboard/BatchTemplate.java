package sunshine.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.credit.HouseholdCredits;
import sunshine.customer.CustomerFeed;
import sunshine.customer.Masking;
import sunshine.shared.DataScope;
import sunshine.shared.Today;

/**
 * The platform batch template (预授信批量导入数据模板, R30): one row per household with a final limit, in the layout
 * of docs/batch-template.md. The limit is the approved one read through credit's {@link HouseholdCredits} (approval's
 * decision once its notice period has passed and it was not withdrawn, or the signed line's locked limit), never the
 * review's proposed amount. The resident ID is in full only for head-office business development and
 * credit asking for it (they feed the platform, which needs it to match the customer); everyone else gets it
 * masked, and such a file says so in its sheet name. Every export is audited.
 */
@Service
public class BatchTemplate {

    /** The columns, in order (docs/batch-template.md). */
    public static final List<String> HEADERS =
            List.of("序号", "客户名称", "证件类型", "证件号码", "预授信额度（元）", "授信期限（月）", "信用等级", "所属机构", "客户经理", "所属区域", "区划代码", "户号");

    static final String ID_CARD = "居民身份证";

    private final CustomerFeed feed;
    private final HouseholdCredits credits;
    private final DashboardSettings settings;
    private final DataScope scope;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    BatchTemplate(
            CustomerFeed feed,
            HouseholdCredits credits,
            DashboardSettings settings,
            DataScope scope,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.feed = feed;
        this.credits = credits;
        this.settings = settings;
        this.scope = scope;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Refuses before anything is written: a full-ID file needs a role that may have it. */
    @PreAuthorize(Roles.EXTRACT + " and (!#unmasked or " + sunshine.customer.Roles.EXPORT_UNMASKED + ")")
    public Export prepare(TableFile.Format format, boolean unmasked) {
        return new Export(format, unmasked, settings.of(scope.user().bankId()).termMonths());
    }

    /** One export, written once. */
    public final class Export {
        private final TableFile.Format format;
        private final boolean unmasked;
        private final int term;

        private Export(TableFile.Format format, boolean unmasked, int term) {
            this.format = format;
            this.unmasked = unmasked;
            this.term = term;
        }

        public TableFile.Format format() {
            return format;
        }

        /** Streams the households to {@code out}; returns how many rows were written. */
        public long writeTo(OutputStream out) throws IOException {
            long[] n = {0};
            boolean complete = false;
            try {
                TableFile file = TableFile.open(format, out, unmasked ? "预授信批量导入" : "预授信批量导入(证件号已脱敏)", HEADERS);
                readOnly.executeWithoutResult(tx -> {
                    Map<Long, HouseholdCredits.Position> positions = credits.inScope();
                    LocalDate today = Today.date();
                    feed.stream(new CustomerFeed.Filter(true, null, null, false), r -> {
                        HouseholdCredits.Position p = positions.get(r.householdId());
                        BigDecimal limit = p == null ? null : p.finalLimit(today);
                        if (limit == null) {
                            return;
                        }
                        try {
                            file.row(
                                    ++n[0],
                                    r.name(),
                                    ID_CARD,
                                    unmasked ? r.residentId() : Masking.residentId(r.residentId()),
                                    limit,
                                    term,
                                    p.finalGrade(),
                                    r.branchName(),
                                    r.managerName(),
                                    r.areaName(),
                                    r.divisionCode(),
                                    Long.toString(r.householdId()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                });
                file.finish();
                out.flush();
                complete = true;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("rows", n[0]);
                after.put("format", format.extension);
                after.put("complete", complete);
                audit.record(unmasked ? "EXPORT_UNMASKED" : "EXPORT", "batch_template", null, null, after);
            }
            return n[0];
        }
    }
}
