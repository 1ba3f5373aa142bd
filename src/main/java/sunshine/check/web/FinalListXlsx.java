package sunshine.check.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import sunshine.check.FinalList;
import sunshine.transfer.SafeCells;

/** The printable final list (issue 6 point 6) as xlsx: heading with who fixed it and when, one row per household. */
@Component
class FinalListXlsx {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    void write(FinalList l, List<FinalList.Item> items, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Sunshine Credit", "1.0");
        Worksheet ws = wb.newWorksheet("最终预授信名单");
        ws.inlineString(0, 0, SafeCells.neutralise("最终预授信名单 Final pre-credit list：" + l.name()));
        ws.inlineString(
                1,
                0,
                SafeCells.neutralise("机构 Branch：" + l.branchName() + "　确定人 Fixed by：" + l.fixedByName() + "　时间 At："
                        + TIME.format(l.fixedAt())));
        String[] head = {
            "序号 No.",
            "区域 Area",
            "家庭 Household",
            "授信代表 Representative",
            "身份证号 Resident ID",
            "等级 Grade",
            "最终金额（元）Final amount"
        };
        for (int c = 0; c < head.length; c++) {
            ws.inlineString(3, c, head[c]);
            ws.width(c, c == 1 || c == 3 ? 20 : 16);
        }
        ws.range(3, 0, 3, head.length - 1).style().bold().fillColor("EEEEEE").set();
        int row = 4;
        for (FinalList.Item i : items) {
            ws.value(row, 0, row - 3);
            ws.inlineString(row, 1, SafeCells.neutralise(i.areaName()));
            ws.value(row, 2, i.householdId());
            ws.inlineString(row, 3, SafeCells.neutralise(i.representative() == null ? "" : i.representative()));
            ws.inlineString(row, 4, SafeCells.neutralise(i.residentIdMasked() == null ? "" : i.residentIdMasked()));
            ws.inlineString(row, 5, SafeCells.neutralise(i.grade() == null ? "" : i.grade()));
            ws.value(row, 6, i.amount());
            ws.style(row, 6).format("#,##0.00").set();
            row++;
        }
        ws.inlineString(row, 5, "合计 Total");
        ws.value(row, 6, l.totalAmount());
        ws.style(row, 6).format("#,##0.00").bold().set();
        ws.freezePane(0, 4);
        wb.finish();
    }
}
