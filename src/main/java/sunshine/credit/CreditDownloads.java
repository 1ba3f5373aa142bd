package sunshine.credit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sunshine.audit.AuditLog;
import sunshine.shared.DataScope;
import sunshine.shared.web.Downloads;

/** The credit module's files: an area's 一览表 (xlsx, PDF), the loan certificate and the incentive sheet (PDF). */
@Service
public class CreditDownloads {

    private final CertificateLists certificates;
    private final CreditLines lines;
    private final Incentives incentives;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    CreditDownloads(
            CertificateLists certificates,
            CreditLines lines,
            Incentives incentives,
            DataScope scope,
            JdbcClient jdbc,
            AuditLog audit) {
        this.certificates = certificates;
        this.lines = lines;
        this.incentives = incentives;
        this.scope = scope;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The area's 一览表 as a workbook (IDs masked); the export is audited. */
    public void areaXlsx(long areaId, HttpServletResponse response) throws IOException {
        CertificateLists.AreaList list = certificates.of(areaId);
        audit.record(
                "CREDIT_LIST_EXPORT",
                "area",
                areaId,
                null,
                Map.of("rows", list.lines().size()));
        Downloads.xlsx(response, list.area().name() + "信用等级评定及授信一览表.xlsx");
        CertificateSheet.write(list, response.getOutputStream());
    }

    /** The area's 一览表 as a PDF (IDs masked); audited. */
    public void areaPdf(long areaId, HttpServletResponse response) throws IOException {
        CertificateLists.AreaList list = certificates.of(areaId);
        audit.record(
                "CREDIT_LIST_PRINT",
                "area",
                areaId,
                null,
                Map.of("rows", list.lines().size()));
        pdf(response, list.area().name() + "信用等级评定及授信一览表.pdf", CreditPdfs.areaList(bank(), list));
    }

    /** A line's loan certificate (R28); every print is audited. */
    public void certificatePdf(long lineId, HttpServletResponse response) throws IOException {
        CreditLine line = lines.get(lineId);
        audit.record(
                "CREDIT_CERTIFICATE_PRINT", "credit_line", lineId, null, Map.of("certificate", line.certificateNo()));
        pdf(response, "贷款证" + line.certificateNo() + ".pdf", CreditPdfs.certificate(bank(), line));
    }

    /** The incentive sheet of a period (R15). */
    public void incentivesPdf(LocalDate from, LocalDate to, HttpServletResponse response) throws IOException {
        Incentives.Sheet sheet = incentives.sheet(from, to);
        pdf(response, "评议激励表" + from + "_" + to + ".pdf", CreditPdfs.incentives(bank(), sheet));
    }

    private String bank() {
        return jdbc.sql("select name from bank where id = :b")
                .param("b", scope.user().bankId())
                .query(String.class)
                .single();
    }

    private static void pdf(HttpServletResponse response, String fileName, byte[] bytes) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Disposition",
                "inline; filename=\"download.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
