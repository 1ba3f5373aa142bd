package sunshine.check;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import sunshine.transfer.SafeCells;

/** The empty templates of each kind: the header row the reader checks, and a sheet explaining the columns. */
@Component
public class SnapshotTemplate {

    public void xlsx(SnapshotKind kind, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Sunshine Credit", "1.0");
        Worksheet ws = wb.newWorksheet(kind.title());
        Worksheet notes = wb.newWorksheet("说明 Notes");
        notes.inlineString(0, 0, "列 Column");
        notes.inlineString(0, 1, "必填 Required");
        notes.inlineString(0, 2, "说明 Notes");
        notes.range(0, 0, 0, 2).style().bold().set();
        for (int i = 0; i < kind.fields().size(); i++) {
            SnapshotField f = kind.fields().get(i);
            ws.inlineString(0, i, f.header());
            ws.width(i, 18);
            // text columns, so that an 18-digit ID keeps its digits
            ws.range(1, i, 2000, i).style().format("@").set();
            notes.inlineString(i + 1, 0, f.header() + " " + f.english());
            notes.inlineString(i + 1, 1, kind.required(f) ? "是 Yes" : "否 No");
            notes.inlineString(i + 1, 2, note(f));
        }
        ws.range(0, 0, 0, kind.fields().size() - 1)
                .style()
                .bold()
                .fillColor("EEEEEE")
                .set();
        ws.freezePane(0, 1);
        notes.width(0, 36);
        notes.width(2, 60);
        wb.finish();
    }

    public void csv(SnapshotKind kind, OutputStream out) throws IOException {
        String header =
                kind.fields().stream().map(f -> SafeCells.csvField(f.header())).collect(Collectors.joining(","));
        out.write(("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String note(SnapshotField f) {
        return switch (f) {
            case CLASS -> "正常/关注/次级/可疑/损失";
            case ARREARS -> "无/恶意拖欠/非恶意拖欠";
            case PERSONAL, INTEREST_PAID, RAISE -> "是/否";
            case AMOUNT, BALANCE -> "元，两位小数，不得为负 yuan, two decimals, not negative";
            case ISSUE_DATE, MATURITY_DATE, EVENT_DATE -> "yyyy-MM-dd";
            case BRANCH -> "本行机构代码（须在上传人的辖内）branch code within the uploader's scope";
            case GUARANTORS -> "18位身份证号，多个用分号分隔 18-character IDs separated by ;";
            case BORROWER_ID, HOLDER_ID, GUARANTOR_ID -> "18位身份证号（文本格式）18-character ID as text";
            default -> "";
        };
    }
}
