package sunshine.credit;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.transfer.SafeCells;

/**
 * The 一览表 of an area (R29) as a workbook: one row per certificate (IDs masked, every text formula-safe), then
 * households and limits per grade. Chinese only, like the paper it replaces.
 */
final class CertificateSheet {

    static final List<String> HEADERS = List.of(
            "序号", "贷款证号", "合同编号", "授信代表", "身份证号", "信用等级", "授信额度(元)", "年利率(%)", "期限起", "期限止", "担保", "签订日期", "状态");

    private CertificateSheet() {}

    static void write(CertificateLists.AreaList list, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Sunshine Credit", "1.0");
        Worksheet ws = wb.newWorksheet("一览表");
        ws.inlineString(0, 0, SafeCells.neutralise(list.area().name() + " 信用等级评定及授信一览表"));
        for (int c = 0; c < HEADERS.size(); c++) {
            ws.inlineString(1, c, HEADERS.get(c));
        }
        int row = 2;
        for (CreditLine l : list.lines()) {
            int c = 0;
            ws.value(row, c++, row - 1);
            ws.inlineString(row, c++, SafeCells.neutralise(l.certificateNo()));
            ws.inlineString(row, c++, SafeCells.neutralise(l.contractNo()));
            ws.inlineString(row, c++, SafeCells.neutralise(l.representative()));
            ws.inlineString(row, c++, SafeCells.neutralise(l.residentIdMasked()));
            ws.inlineString(row, c++, SafeCells.neutralise(l.grade() == null ? "" : l.grade()));
            ws.value(row, c++, l.limit());
            if (l.annualRate() != null) {
                ws.value(row, c, l.annualRate());
            }
            c++;
            ws.inlineString(row, c++, l.termFrom().toString());
            ws.inlineString(row, c++, l.termTo().toString());
            ws.inlineString(row, c++, SafeCells.neutralise(l.guarantee() == null ? "" : l.guarantee()));
            ws.inlineString(row, c++, l.signedOn().toString());
            ws.inlineString(row, c, status(l));
            row++;
        }
        row++;
        ws.inlineString(row, 0, "信用等级");
        ws.inlineString(row, 1, "户数");
        ws.inlineString(row, 2, "授信额度合计(元)");
        row++;
        for (CertificateLists.GradeTotal g : list.grades()) {
            ws.inlineString(row, 0, SafeCells.neutralise(g.grade()));
            ws.value(row, 1, g.households());
            ws.value(row, 2, g.limit());
            row++;
        }
        ws.inlineString(row, 0, "合计");
        ws.value(row, 1, list.households());
        ws.value(row, 2, list.limit() == null ? BigDecimal.ZERO : list.limit());
        wb.finish();
    }

    static String status(CreditLine l) {
        return switch (l.status()) {
            case ACTIVE -> "正常";
            case FROZEN -> "冻结";
            case CLOSED -> "已终止";
        };
    }
}
