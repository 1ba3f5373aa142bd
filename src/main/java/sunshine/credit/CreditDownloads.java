package sunshine.credit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Service;
import sunshine.audit.AuditLog;
import sunshine.shared.web.Downloads;

/** The credit module's files: an area's 一览表 (xlsx), the loan certificate and the printable sheets (PDF). */
@Service
public class CreditDownloads {

    private final CertificateLists certificates;
    private final AuditLog audit;

    CreditDownloads(CertificateLists certificates, AuditLog audit) {
        this.certificates = certificates;
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
                java.util.Map.of("rows", list.lines().size()));
        Downloads.xlsx(response, list.area().name() + "信用等级评定及授信一览表.xlsx");
        CertificateSheet.write(list, response.getOutputStream());
    }
}
