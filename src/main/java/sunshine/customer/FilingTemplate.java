package sunshine.customer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.DataScope;

/**
 * The filing workbook to download (客户建档模板): the Chinese header row, an instruction sheet, drop-down lists
 * (areas of the caller's scope, customer types, relationships, gender, residence, the bank's choice fields),
 * and ID, phone and date columns formatted as text so Excel never turns them into numbers.
 */
@Service
public class FilingTemplate {

    static final int ROWS = 5000;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final FilingFields fields;
    private final org.springframework.context.MessageSource messages;

    FilingTemplate(
            JdbcClient jdbc, DataScope scope, FilingFields fields, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.scope = scope;
        this.fields = fields;
    }

    @Transactional(readOnly = true)
    public void write(OutputStream out) throws IOException {
        List<FilingField> extra = fields.of(scope.user().bankId());
        List<String> areas = jdbc.sql("select coalesce(a.division_code, '#' || a.id) || ' ' || a.name from area a"
                        + " join branch b on b.id = a.branch_id where a.active and " + scope.condition("b")
                        + " order by b.path, a.division_code nulls last, a.name")
                .params(scope.params())
                .query(String.class)
                .list();
        Workbook wb = new Workbook(out, "Sunshine Credit", "1.0");
        Worksheet sheet = wb.newWorksheet("客户建档");
        Worksheet help = wb.newWorksheet("填写说明");
        Worksheet lists = wb.newWorksheet("选项");
        int width = FilingColumns.FIXED.size() + extra.size();
        for (int c = 0; c < width; c++) {
            boolean fixed = c < FilingColumns.FIXED.size();
            FilingColumns.Column col = fixed ? FilingColumns.FIXED.get(c) : null;
            String header = fixed
                    ? col.header()
                    : extra.get(c - FilingColumns.FIXED.size()).labelZh();
            boolean required = fixed
                    ? col.required()
                    : extra.get(c - FilingColumns.FIXED.size()).required();
            sheet.inlineString(0, c, header);
            // English beside the Chinese: a note on the header cell, so the header row stays what the reader checks
            sheet.comment(
                    0,
                    c,
                    fixed
                            ? messages.getMessage("customer." + col.key(), null, col.key(), java.util.Locale.ENGLISH)
                            : extra.get(c - FilingColumns.FIXED.size()).labelEn());
            sheet.style(0, c).bold().fillColor(required ? "FDE9D9" : "EEEEEE").set();
            sheet.width(c, c == 0 ? 28 : c == 4 || c == 8 ? 22 : 14);
            // every data cell is text: IDs keep leading zeros and the X, phones stay digits
            sheet.range(1, c, ROWS, c).style().format("@").set();
        }
        sheet.freezePane(0, 1);
        writeList(lists, 0, "区域", areas);
        writeList(lists, 1, "客户类型", FilingColumns.TYPES);
        writeList(lists, 2, "与授信代表关系", FilingColumns.RELATIONSHIPS);
        writeList(lists, 3, "性别", FilingColumns.GENDERS);
        writeList(lists, 4, "户籍类型", FilingColumns.RESIDENCES);
        validate(sheet, lists, 0, 0, areas.size());
        validate(sheet, lists, 2, 2, FilingColumns.RELATIONSHIPS.size());
        validate(sheet, lists, 5, 3, FilingColumns.GENDERS.size());
        validate(sheet, lists, 9, 1, FilingColumns.TYPES.size());
        validate(sheet, lists, 12, 4, FilingColumns.RESIDENCES.size());
        int listCol = 5;
        for (int f = 0; f < extra.size(); f++) {
            FilingField field = extra.get(f);
            if (field.kind() == FilingField.Kind.CHOICE) {
                writeList(lists, listCol, field.labelZh(), List.of(field.choices()));
                validate(sheet, lists, FilingColumns.FIXED.size() + f, listCol, field.choices().length);
                listCol++;
            }
        }
        instructions(help, extra);
        wb.finish();
    }

    private static void writeList(Worksheet lists, int col, String title, List<String> values) {
        lists.inlineString(0, col, title);
        for (int i = 0; i < values.size(); i++) {
            lists.inlineString(i + 1, col, values.get(i));
        }
        lists.width(col, col == 0 ? 30 : 16);
    }

    private static void validate(Worksheet sheet, Worksheet lists, int col, int listCol, int size) {
        if (size == 0) {
            return;
        }
        sheet.range(1, col, ROWS, col).validateWithList(lists.range(1, listCol, size, listCol));
    }

    private static void instructions(Worksheet help, List<FilingField> extra) {
        List<String> lines = new ArrayList<>(List.of(
                "客户建档模板 填写说明 (Filing workbook: how to fill it in)",
                "1. 每行一人；同一家庭的成员填写相同的“户号”，其中一人的“与授信代表关系”为“本人”。",
                "2. “区域代码”请从下拉列表中选择（12 位统计用区划代码 + 名称）。",
                "3. 身份证号请按文本填写（本列已设为文本格式），18 位，最后一位可以是 X；旧版 15 位号码会自动转换。",
                "4. 性别、出生日期可不填，系统按身份证号自动得出；填写时须与身份证号一致。",
                "5. 手机号码为 11 位；座机如 0531-83212345。",
                "6. 外地户籍、在本地经营的，须填写“经营地点”。",
                "7. 不要使用公式；带公式的单元格不会被计算，该行将被拒绝。",
                "8. 已建档的身份证号再次导入时，将更新原档案而不会重复建档；同一文件重复上传不会产生任何变化。",
                "9. 上传后先预览：新增、变更、未变和有误的行分别列出；确认后才写入。可下载结果文件，查看每一行的处理结果和原因。",
                "",
                "必填列（表头为红色）：区域代码、户号、与授信代表关系、姓名、身份证号、手机号码、家庭住址、客户类型。"));
        for (FilingField f : extra) {
            lines.add("本行字段：" + f.labelZh() + (f.required() ? "（必填）" : "（选填）")
                    + (f.kind() == FilingField.Kind.CHOICE ? " 选项：" + String.join("、", f.choices()) : ""));
        }
        for (int i = 0; i < lines.size(); i++) {
            help.inlineString(i, 0, lines.get(i));
        }
        help.style(0, 0).bold().set();
        help.width(0, 110);
    }
}
