package sunshine.customer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.transfer.SafeCells;

/**
 * Exports the customers of a list (the same filter and scope as {@link CustomerSearch}) as an xlsx workbook or
 * a CSV file, in the columns of the filing workbook ({@link FilingColumns#FIXED}, then the bank's template
 * fields, then 状态 and 建档时间). Rows stream from the database to the output with a cursor, so an export of a
 * million customers holds a thousand of them in memory at a time. Identifiers are masked unless the caller asks
 * otherwise and may ({@link Roles#EXPORT_UNMASKED}); every export is written to the audit log.
 */
@Service
public class CustomerExport {

    /** The file formats offered. */
    public enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv;charset=UTF-8");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        /** {@code xlsx} (also when not given) or {@code csv}; anything else is refused. */
        public static Format of(String name) {
            if (name == null || name.isBlank()) {
                return XLSX;
            }
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            throw new BusinessException("export.error.format", name);
        }
    }

    static final String SHEET = "客户档案";
    static final String STATUS = "状态";
    static final String FILED_AT = "建档时间";
    static final String ACTIVE = "正常";
    static final String EXCLUDED = "已排除";
    static final int FETCH_SIZE = 1000;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final DateTimeFormatter FILED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, Double> WIDTHS = Map.ofEntries(
            Map.entry(FilingColumns.AREA.key(), 30.0),
            Map.entry(FilingColumns.HOUSEHOLD.key(), 10.0),
            Map.entry(FilingColumns.RELATIONSHIP.key(), 14.0),
            Map.entry(FilingColumns.NAME.key(), 12.0),
            Map.entry(FilingColumns.RESIDENT_ID.key(), 22.0),
            Map.entry(FilingColumns.GENDER.key(), 6.0),
            Map.entry(FilingColumns.BIRTH_DATE.key(), 12.0),
            Map.entry(FilingColumns.PHONE.key(), 14.0),
            Map.entry(FilingColumns.ADDRESS.key(), 36.0),
            Map.entry(FilingColumns.TYPE.key(), 16.0),
            Map.entry(FilingColumns.OCCUPATION.key(), 14.0),
            Map.entry(FilingColumns.EMPLOYER.key(), 22.0),
            Map.entry(FilingColumns.RESIDENCE.key(), 10.0),
            Map.entry(FilingColumns.BUSINESS_PLACE.key(), 24.0),
            Map.entry(STATUS, 8.0),
            Map.entry(FILED_AT, 20.0));

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final FilingFields fields;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    CustomerExport(
            JdbcClient jdbc,
            DataScope scope,
            FilingFields fields,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.fields = fields;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Checks the request (the branch filter lies in the caller's scope; an unmasked export needs a role of
     * {@link Roles#EXPORT_UNMASKED}) and returns the download, not yet written: nothing has gone to the client
     * when this refuses.
     */
    @PreAuthorize("!#unmasked or " + Roles.EXPORT_UNMASKED)
    public Download prepare(CustomerSearch.Filter filter, Format format, boolean unmasked) {
        CustomerSearch.Where where = CustomerSearch.where(filter, scope);
        List<FilingField> extra = fields.of(scope.user().bankId());
        return new Download(filter, format, unmasked, where, extra, ZonedDateTime.now(ZONE));
    }

    /** One export, ready to be written once. */
    public final class Download {

        private final CustomerSearch.Filter filter;
        private final Format format;
        private final boolean unmasked;
        private final CustomerSearch.Where where;
        private final List<FilingField> extra;
        private final ZonedDateTime at;

        private Download(
                CustomerSearch.Filter filter,
                Format format,
                boolean unmasked,
                CustomerSearch.Where where,
                List<FilingField> extra,
                ZonedDateTime at) {
            this.filter = filter;
            this.format = format;
            this.unmasked = unmasked;
            this.where = where;
            this.extra = extra;
            this.at = at;
        }

        public Format format() {
            return format;
        }

        /** 客户档案-yyyyMMdd-HHmm.xlsx (or .csv), in Beijing time. */
        public String fileName() {
            return SHEET + "-" + at.format(FILE_STAMP) + "." + format.extension();
        }

        /**
         * An attachment named in UTF-8 as RFC 5987/6266 describe, with a plain ASCII name before it for the
         * rare client that cannot read {@code filename*}.
         */
        public String contentDisposition() {
            String encoded = URLEncoder.encode(fileName(), StandardCharsets.UTF_8)
                    .replace("+", "%20")
                    .replace("*", "%2A");
            String ascii = "customers-" + at.format(FILE_STAMP) + "." + format.extension();
            return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
        }

        /**
         * Streams the customers to {@code out} (which is flushed, not closed) and records the export in the audit
         * log, also when writing stopped half way (a client that went away). Returns the number of customers.
         */
        public long writeTo(OutputStream out) throws IOException {
            long[] rows = {0};
            boolean complete = false;
            try {
                Sink sink = format == Format.XLSX ? new XlsxSink(out) : new CsvSink(out);
                sink.header(headers(), widths());
                readOnly.executeWithoutResult(tx -> query().query(rs -> {
                    try {
                        sink.row(values(rs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    rows[0]++;
                }));
                // only a complete export is finished: a failed one ends as a broken download, not a short file
                sink.finish();
                out.flush();
                complete = true;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                record(rows[0], complete);
            }
            return rows[0];
        }

        private JdbcClient.StatementSpec query() {
            StringBuilder select = new StringBuilder("select a.division_code, a.id, a.name, c.household_id,"
                    + " c.relationship, c.name, c.resident_id, c.gender, c.birth_date, c.phone, c.address,"
                    + " c.customer_type, c.occupation, c.employer, c.residence, c.business_place, c.excluded,"
                    + " c.created_at");
            Map<String, Object> params = new HashMap<>(where.params());
            for (int i = 0; i < extra.size(); i++) {
                select.append(", c.extra ->> :exportField").append(i);
                params.put("exportField" + i, extra.get(i).key());
            }
            return jdbc.sql(select + CustomerSearch.FROM + where.clause() + " order by " + CustomerSearch.DEFAULT_ORDER
                            + ", c.id")
                    .params(params)
                    .withFetchSize(FETCH_SIZE);
        }

        private List<String> headers() {
            List<String> h = new ArrayList<>();
            FilingColumns.FIXED.forEach(c -> h.add(c.header()));
            extra.forEach(f -> h.add(f.labelZh()));
            h.add(STATUS);
            h.add(FILED_AT);
            return h;
        }

        private List<Double> widths() {
            List<Double> w = new ArrayList<>();
            FilingColumns.FIXED.forEach(c -> w.add(WIDTHS.getOrDefault(c.key(), 14.0)));
            extra.forEach(f -> w.add(f.kind() == FilingField.Kind.TEXT ? 20.0 : 14.0));
            w.add(WIDTHS.get(STATUS));
            w.add(WIDTHS.get(FILED_AT));
            return w;
        }

        private List<String> values(ResultSet rs) throws SQLException {
            List<String> v = new ArrayList<>(FilingColumns.FIXED.size() + extra.size() + 2);
            String code = rs.getString(1);
            v.add((code == null ? "#" + rs.getLong(2) : code.strip()) + " " + rs.getString(3));
            v.add(Long.toString(rs.getLong(4)));
            v.add(FilingColumns.label(Relationship.valueOf(rs.getString(5))));
            v.add(rs.getString(6));
            String residentId = rs.getString(7).strip();
            String phone = rs.getString(10);
            String address = rs.getString(11);
            v.add(unmasked ? residentId : Masking.residentId(residentId));
            v.add(FilingColumns.GENDERS.get("M".equals(rs.getString(8)) ? 0 : 1));
            v.add(rs.getDate(9).toLocalDate().toString());
            v.add(unmasked ? phone : Masking.phone(phone));
            v.add(unmasked ? address : Masking.address(address));
            v.add(FilingColumns.label(CustomerType.valueOf(rs.getString(12))));
            v.add(rs.getString(13));
            v.add(rs.getString(14));
            v.add(FilingColumns.RESIDENCES.get(
                    Residence.valueOf(rs.getString(15)).ordinal()));
            v.add(rs.getString(16));
            for (int i = 0; i < extra.size(); i++) {
                v.add(rs.getString(19 + i));
            }
            v.add(rs.getBoolean(17) ? EXCLUDED : ACTIVE);
            v.add(rs.getTimestamp(18).toInstant().atZone(ZONE).format(FILED));
            return v;
        }

        private void record(long rows, boolean complete) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("rows", rows);
            after.put("format", format.extension());
            after.put("filter", describe(filter));
            if (!complete) {
                after.put("complete", false);
            }
            audit.record(unmasked ? "EXPORT_UNMASKED" : "EXPORT", "customer", null, null, after);
        }
    }

    /** The filter as the audit log keeps it: only what was given, a searched ID or phone masked. */
    static Map<String, Object> describe(CustomerSearch.Filter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().strip();
            if (q.replace(" ", "").toUpperCase(Locale.ROOT).matches("\\d{14,17}[\\dX]")) {
                q = Masking.residentId(q.replace(" ", ""));
            } else if (q.matches("1[3-9]\\d{9}")) {
                q = Masking.phone(q);
            }
            m.put("q", q);
        }
        if (f.branchId() != null) {
            m.put("branchId", f.branchId());
        }
        if (f.areaId() != null) {
            m.put("areaId", f.areaId());
        }
        if (f.managerId() != null) {
            m.put("managerId", f.managerId());
        }
        if (f.excluded() != null) {
            m.put("excluded", f.excluded());
        }
        return m;
    }

    /** Where rows go: a workbook or a CSV file. Every text value is neutralised on the way. */
    private interface Sink {
        void header(List<String> headers, List<Double> widths) throws IOException;

        void row(List<String> values) throws IOException;

        /** Ends the file and flushes it; the output stream stays open. */
        void finish() throws IOException;
    }

    /** One sheet, bold frozen header, every value an inline string (no shared-strings table to grow). */
    private static final class XlsxSink implements Sink {

        private static final int FLUSH_EVERY = 1000;

        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        XlsxSink(OutputStream out) {
            this.workbook = new Workbook(out, "Sunshine Credit", "1.0");
            this.sheet = workbook.newWorksheet(SHEET);
        }

        @Override
        public void header(List<String> headers, List<Double> widths) throws IOException {
            for (int c = 0; c < headers.size(); c++) {
                sheet.width(c, widths.get(c));
                sheet.inlineString(0, c, SafeCells.neutralise(headers.get(c)));
            }
            sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            sheet.flush();
            row = 1;
        }

        @Override
        public void row(List<String> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                String v = values.get(c);
                if (v != null && !v.isEmpty()) {
                    sheet.inlineString(row, c, SafeCells.neutralise(v));
                }
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }

    /** UTF-8 with a byte order mark (so Excel and WPS read the Chinese), RFC 4180 fields, CRLF line ends. */
    private static final class CsvSink implements Sink {

        private final Writer writer;

        CsvSink(OutputStream out) throws IOException {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
        }

        @Override
        public void header(List<String> headers, List<Double> widths) throws IOException {
            line(headers);
        }

        @Override
        public void row(List<String> values) throws IOException {
            line(values);
        }

        private void line(List<String> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                if (c > 0) {
                    writer.write(',');
                }
                writer.write(SafeCells.csvField(values.get(c)));
            }
            writer.write("\r\n");
        }

        @Override
        public void finish() throws IOException {
            writer.flush();
        }
    }
}
