package sunshine.check;

/** A column a core-system file may carry; each {@link SnapshotKind} uses some of them, in its own order. */
public enum SnapshotField {
    LOAN_NO("贷款账号", "Loan number"),
    CERT_NO("贷款证号", "Certificate number"),
    BORROWER_ID("借款人身份证号", "Borrower resident ID"),
    HOLDER_ID("持证人身份证号", "Holder resident ID"),
    GUARANTOR_ID("担保人身份证号", "Guarantor resident ID"),
    BRANCH("机构代码", "Branch code"),
    MANAGER("客户经理工号", "Account manager staff no."),
    PRODUCT("贷款产品", "Product"),
    AMOUNT("金额", "Amount"),
    BALANCE("余额", "Balance"),
    ISSUE_DATE("发放日期", "Issue date"),
    MATURITY_DATE("到期日期", "Maturity date"),
    EVENT_DATE("发生日期", "Date"),
    CLASS("五级分类", "Five-class status"),
    GUARANTORS("担保人身份证号(多个用;分隔)", "Guarantors' IDs (; separated)"),
    PERSONAL("是否个人贷款", "Personal loan"),
    ARREARS("拖欠情况", "Arrears"),
    INTEREST_PAID("是否正常付息", "Interest being paid"),
    RAISE("是否申请提额", "Raise requested");

    private final String header;
    private final String english;

    SnapshotField(String header, String english) {
        this.header = header;
        this.english = english;
    }

    /** The Chinese column header the template carries and the reader checks. */
    public String header() {
        return header;
    }

    public String english() {
        return english;
    }

    /** The key used in row reasons and messages ({@code check.field.X}). */
    public String key() {
        return name();
    }
}
