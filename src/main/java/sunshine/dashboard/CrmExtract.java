package sunshine.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
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
import sunshine.customer.CustomerFeed;
import sunshine.customer.Masking;

/**
 * The CRM extract (R30): every filed customer of the caller's scope with their segments (type, area, grade, limit,
 * exclusion; usage and products held stay empty until the credit stage provides them), in full or only those
 * changed since a moment (the customer's file, or their household's review result), optionally narrowed by a saved
 * segment rule. Streamed; resident IDs masked unless the role needs them (as the customer export); audited.
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
            "用信情况",
            "持有产品",
            "更新时间");

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CustomerFeed feed;
    private final PreCreditIndex preCredits;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    CrmExtract(CustomerFeed feed, PreCreditIndex preCredits, AuditLog audit, PlatformTransactionManager transactions) {
        this.feed = feed;
        this.preCredits = preCredits;
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
                    CustomerFeed.Filter filter = new CustomerFeed.Filter(
                            false, segment.customerType(), segment.areaId(), segment.excluded());
                    feed.stream(filter, r -> {
                        PreCreditIndex.Result p = results.get(r.householdId());
                        if (!matches(p, r)) {
                            return;
                        }
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
                                    null,
                                    null,
                                    TIME.format(latest(r.updatedAt(), p).atZone(ZONE)));
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

        private boolean matches(PreCreditIndex.Result p, CustomerFeed.Row r) {
            if (segment.grade() != null && (p == null || !segment.grade().equalsIgnoreCase(p.grade()))) {
                return false;
            }
            if (segment.hasLimit() != null && segment.hasLimit() != (p != null && p.limit() != null)) {
                return false;
            }
            return since == null || !latest(r.updatedAt(), p).isBefore(since);
        }
    }

    /** When the customer's row last changed: their file or their household's review result, the later. */
    static Instant latest(Instant updated, PreCreditIndex.Result p) {
        return p != null && p.computedAt().isAfter(updated) ? p.computedAt() : updated;
    }
}
