package sunshine.review.booklet;

import java.util.List;
import java.util.Map;
import sunshine.panel.MemberRole;

/**
 * The words printed in every booklet, in plain Chinese for the villagers who fill it in (R16, R17, R13). The
 * booklet is paper for the panel, so it is Chinese only; the web pages around it carry the English.
 */
public final class BookletText {

    public static final String TITLE = "阳光信贷预授信调查评议册";
    public static final String SUBTITLE = "Sunshine Credit · review booklet";
    public static final String OWN_HOUSEHOLD = "本人家庭 · 回避";
    public static final String INSTRUCTIONS_TITLE = "填写说明（请先读一遍）";

    /** The instructions on the cover; the 1.1–1.5× guidance is R17's. */
    public static final List<String> INSTRUCTIONS = List.of(
            "这本评议册只给您一个人填写。请按您平时的了解，实事求是、独立填写，不和别人商量，也不给别人看（“背靠背”）。",
            "每一户请估计这一家的资产、负债、一年的总收入和一年的纯收入。单位是“万元”：8 万元写 8，5 千元写 0.5。",
            "纯收入就是一年挣的钱减去一年的花销。",
            "建议授信额度一般在这一家年纯收入的 1.1 倍到 1.5 倍之间，不要超过 1.5 倍，免得贷多了还不上。" + "例如：年纯收入 10 万元，建议 11 万到 15 万元。",
            "您认为不该给贷款的家庭，在“不建议授信”一栏打“√”，并在“备注”里简单写明原因。",
            "身份证号、住址或电话有缺的、有错的，请在“信息更正”一栏写上正确的。",
            "灰色、写着“本人家庭 · 回避”的一行是您自己家，按规定您不评议，请不要填写。",
            "填完后请在每一页下方签名，交给银行的客户经理。有不明白的地方，请问客户经理。");

    public static final String SIGNATURE = "评议人签字：";
    public static final String DATE_LINE = "日期：　　　年　　月　　日";

    private static final Map<MemberRole, String> ROLES = Map.of(
            MemberRole.CADRE, "村（街道）干部",
            MemberRole.GRADUATE_OFFICIAL, "大学生村官",
            MemberRole.AGENCY_STAFF, "机关事业单位人员",
            MemberRole.SHOPKEEPER, "个体商户",
            MemberRole.LARGE_GROWER, "种养大户",
            MemberRole.SENIOR_PARTY_MEMBER, "老党员",
            MemberRole.RESIDENT_REPRESENTATIVE, "居民代表",
            MemberRole.BANK_STAFF, "银行员工");

    private BookletText() {}

    /** The member's role as the cover names it (R12). */
    public static String role(MemberRole role) {
        return role == null ? null : ROLES.get(role);
    }

    /** "第 3 页 / 共 40 页" */
    public static String pageOf(int page, int pages) {
        return "第 " + page + " 页 / 共 " + pages + " 页";
    }

    /** "第 2 册（共 5 册）" */
    public static String copyOf(int copy, int copies) {
        return "第 " + copy + " 册（共 " + copies + " 册）";
    }
}
