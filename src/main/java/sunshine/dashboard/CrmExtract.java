package sunshine.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.credit.CreditLine;
import sunshine.credit.HouseholdCredits;
import sunshine.customer.CustomerFeed;
import sunshine.customer.Masking;
import sunshine.shared.Today;

/**
 * The CRM extract (R30): every filed customer of the caller's scope with their segments (type, area, grade, limit,
 * exclusion, the household's approved limit, usage of its credit line and the products it holds, the last two read
 * through credit's {@link HouseholdCredits}), in full or only those changed since a moment (the customer's file, their
 * household's review result, or its credit), optionally narrowed by a saved segment rule. Streamed; resident IDs masked unless the role needs them (as the customer export); audited.
 */
@Service
public class CrmExtract {

    /** The columns, in order (docs/crm-extract.md). */
    public static final List<String> HEADERS = List.of(
            "客户编号",
            "户号",
            "是否户主",
            "姓名",
            "证件号码",
            "客户类型",
            "所属区域",
            "区划代码",
            "所属机构",
            "客户经理",
            "信用等级",
            "预授信额度（元）",
            "是否排除",
            "核定额度（元）",
            "授信余额（元）",
            "累计支用（元）",
            "最近支用日期",
            "持有产品",
            "更新时间");

    /** The product a household holds through this platform: the revolving Sunshine Credit line (R28). */
    static final String LINE_PRODUCT = "阳光信贷循环授信";

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CustomerFeed feed;
    private final PreCreditIndex preCredits;
    private final HouseholdCredits credits;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    CrmExtract(
            CustomerFeed feed,
            PreCreditIndex preCredits,
            HouseholdCredits credits,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.feed = feed;
        this.preCredits = preCredits;
        this.credits = credits;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @PreAuthorize(Roles.EXTRACT + " and (!#unmasked or " + sunshine.customer.Roles.EXPORT_UNMASKED + ")")
    public Export prepare(TableFile.Format format, Segment segment, Instant changedSince, boolean unmasked) {
        return new Export(format, segment == null ? Segment.EVERYONE : segment, changedSince, unmasked);
    }

    /** One extract, written once. */
    public final class Export {
        private final TableFile.Format format;
        private final Segment segment;
        private final Instant since;
        private final boolean unmasked;

        private Export(TableFile.Format format, Segment segment, Instant since, boolean unmasked) {
            this.format = format;
            this.segment = segment;
            this.since = since;
            this.unmasked = unmasked;
        }

        public TableFile.Format format() {
            return format;
        }

        /** Streams the customers to {@code out}; returns how many rows were written. */
        public long writeTo(OutputStream out) throws IOException {
            long[] n = {0};
            boolean complete = false;
            try {
                TableFile file = TableFile.open(format, out, "CRM客户", HEADERS);
                readOnly.executeWithoutResult(tx -> {
                    Map<Long, PreCreditIndex.Result> results = preCredits.load();
                    Map<Long, HouseholdCredits.Position> positions = credits.inScope();
                    LocalDate today = Today.date();
                    LocalDate drawnSince =
                            segment.noDrawMonths() == null ? null : today.minusMonths(segment.noDrawMonths());
                    CustomerFeed.Filter filter = new CustomerFeed.Filter(
                            false, segment.customerType(), segment.areaId(), segment.excluded());
                    feed.stream(filter, r -> {
                        PreCreditIndex.Result p = results.get(r.householdId());
                        HouseholdCredits.Position c = positions.get(r.householdId());
                        if (!matches(p, c, r, drawnSince)) {
                            return;
                        }
                        boolean open = c != null && c.hasOpenLine();
                        try {
                            file.row(
                                    Long.toString(r.customerId()),
                                    Long.toString(r.householdId()),
                                    r.representative() ? "是" : "否",
                                    r.name(),
                                    unmasked ? r.residentId() : Masking.residentId(r.residentId()),
                                    sunshine.customer.FilingColumns.label(r.type()),
                                    r.areaName(),
                                    r.divisionCode(),
                                    r.branchName(),
                                    r.managerName(),
                                    p == null ? null : p.grade(),
                                    p == null ? null : p.limit(),
                                    r.excluded() ? "是" : "否",
                                    c == null ? null : c.finalLimit(today),
                                    open ? c.outstanding() : null,
                                    c == null ? null : c.drawnTotal(),
                                    c == null || c.lastDraw() == null
                                            ? null
                                            : c.lastDraw().toString(),
                                    products(c),
                                    TIME.format(latest(r.updatedAt(), p, c).atZone(ZONE)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        n[0]++;
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
                after.put("segment", segment.name());
                if (since != null) {
                    after.put("changedSince", since.toString());
                }
                after.put("complete", complete);
                audit.record(unmasked ? "EXPORT_UNMASKED" : "EXPORT", "crm_extract", null, null, after);
            }
            return n[0];
        }

        private boolean matches(
                PreCreditIndex.Result p, HouseholdCredits.Position c, CustomerFeed.Row r, LocalDate drawnSince) {
            if (segment.grade() != null && (p == null || !segment.grade().equalsIgnoreCase(p.grade()))) {
                return false;
            }
            if (segment.hasLimit() != null && segment.hasLimit() != (p != null && p.limit() != null)) {
                return false;
            }
            if (segment.hasLine() != null && segment.hasLine() != (c != null && c.hasOpenLine())) {
                return false;
            }
            if (drawnSince != null && c != null && !c.noDrawSince(drawnSince)) {
                return false;
            }
            return since == null || !latest(r.updatedAt(), p, c).isBefore(since);
        }
    }

    /** The products the household holds here: its line, marked when frozen; empty without an open line. */
    static String products(HouseholdCredits.Position c) {
        if (c == null || !c.hasOpenLine()) {
            return null;
        }
        return c.lineStatus() == CreditLine.Status.FROZEN ? LINE_PRODUCT + "（冻结）" : LINE_PRODUCT;
    }

    /** When the customer's row last changed: their file, their household's review result or its credit, the latest. */
    static Instant latest(Instant updated, PreCreditIndex.Result p, HouseholdCredits.Position c) {
        Instant t = p != null && p.computedAt().isAfter(updated) ? p.computedAt() : updated;
        return c != null && c.changedAt() != null && c.changedAt().isAfter(t) ? c.changedAt() : t;
    }
}
