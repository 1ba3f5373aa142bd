package sunshine.review.booklet;

/**
 * The columns of a booklet, the same on paper and in the workbook (R16): what the bank knows of each household,
 * then the blank columns the member fills in. Amounts are in 万元 (ten thousand yuan), as villagers reckon.
 */
public enum BookletColumn {
    NO("序号", 24, false),
    REPRESENTATIVE("家庭授信代表", 52, false),
    MEMBERS("家庭成员（关系）", 90, false),
    RESIDENT_ID("代表身份证号", 64, false),
    ADDRESS("家庭住址", 80, false),
    PHONE("联系电话", 76, false),
    ASSETS("家庭资产（万元）", 50, true),
    LIABILITIES("家庭负债（万元）", 50, true),
    GROSS_INCOME("家庭年总收入（万元）", 52, true),
    NET_INCOME("家庭年纯收入（万元）", 52, true),
    SUGGESTED_CREDIT("建议授信额度（万元）", 54, true),
    NOT_RECOMMENDED("不建议授信（打√）", 36, true),
    REMARKS("备注", 46, true),
    CORRECTIONS("信息更正（缺失或错误的身份证号、住址、电话）", 78, true);

    private final String header;
    private final float pdfWidth;
    private final boolean blank;

    BookletColumn(String header, float pdfWidth, boolean blank) {
        this.header = header;
        this.pdfWidth = pdfWidth;
        this.blank = blank;
    }

    public String header() {
        return header;
    }

    /** Width on the A4 landscape page, in points. */
    float pdfWidth() {
        return pdfWidth;
    }

    /** A column the member fills in (left blank when printed). */
    public boolean blank() {
        return blank;
    }

    /** The columns that take an amount: asset, liability, incomes and the suggested credit. */
    public boolean amount() {
        return this == ASSETS
                || this == LIABILITIES
                || this == GROSS_INCOME
                || this == NET_INCOME
                || this == SUGGESTED_CREDIT;
    }
}
