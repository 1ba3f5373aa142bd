package sunshine.customer;

import java.util.List;

/**
 * The columns of the filing workbook (客户建档模板), in order. The template, the import, the result workbook,
 * the export and the data generator all follow this list. Headers are Chinese first, as the bank's staff
 * know them; {@code key} is how code and the English help name them.
 */
public final class FilingColumns {

    /** One column: its key, its Chinese header, whether the import requires it. */
    public record Column(String key, String header, boolean required) {}

    public static final Column AREA = new Column("area", "区域代码", true);
    public static final Column HOUSEHOLD = new Column("household", "户号", true);
    public static final Column RELATIONSHIP = new Column("relationship", "与授信代表关系", true);
    public static final Column NAME = new Column("name", "姓名", true);
    public static final Column RESIDENT_ID = new Column("residentId", "身份证号", true);
    public static final Column GENDER = new Column("gender", "性别", false);
    public static final Column BIRTH_DATE = new Column("birthDate", "出生日期", false);
    public static final Column PHONE = new Column("phone", "手机号码", true);
    public static final Column ADDRESS = new Column("address", "家庭住址", true);
    public static final Column TYPE = new Column("customerType", "客户类型", true);
    public static final Column OCCUPATION = new Column("occupation", "职业", false);
    public static final Column EMPLOYER = new Column("employer", "工作单位", false);
    public static final Column RESIDENCE = new Column("residence", "户籍类型", false);
    public static final Column BUSINESS_PLACE = new Column("businessPlace", "经营地点", false);

    /** The fixed columns; the bank's own template fields (FilingFields) follow them. */
    public static final List<Column> FIXED = List.of(
            AREA,
            HOUSEHOLD,
            RELATIONSHIP,
            NAME,
            RESIDENT_ID,
            GENDER,
            BIRTH_DATE,
            PHONE,
            ADDRESS,
            TYPE,
            OCCUPATION,
            EMPLOYER,
            RESIDENCE,
            BUSINESS_PLACE);

    /**
     * Chinese labels as written in the workbook's cells and drop-downs. The area cell holds the area's 12-digit
     * division code (or {@code #id} for an area without one), optionally followed by a space and its name.
     */
    public static final List<String> TYPES = List.of("农户", "个体工商户", "小微企业主", "社区居民", "机关事业单位人员");

    public static final List<String> RELATIONSHIPS =
            List.of("本人", "配偶", "子女", "父母", "兄弟姐妹", "孙子女", "祖父母", "儿媳女婿", "其他");
    public static final List<String> RESIDENCES = List.of("本地", "外地");
    public static final List<String> GENDERS = List.of("男", "女");

    private FilingColumns() {}

    public static CustomerType type(String label) {
        int i = TYPES.indexOf(label == null ? "" : label.strip());
        return i < 0 ? null : CustomerType.values()[i];
    }

    public static String label(CustomerType t) {
        return TYPES.get(t.ordinal());
    }

    public static Relationship relationship(String label) {
        int i = RELATIONSHIPS.indexOf(label == null ? "" : label.strip());
        return i < 0 ? null : Relationship.values()[i];
    }

    public static String label(Relationship r) {
        return RELATIONSHIPS.get(r.ordinal());
    }

    public static Residence residence(String label) {
        if (label == null || label.isBlank()) {
            return Residence.LOCAL;
        }
        int i = RESIDENCES.indexOf(label.strip());
        return i < 0 ? null : Residence.values()[i];
    }
}
