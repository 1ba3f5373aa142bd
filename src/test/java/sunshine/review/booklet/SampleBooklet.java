package sunshine.review.booklet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Booklet contents made up for the renderer tests: names, members and addresses like a village's. */
final class SampleBooklet {

    static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "单", "曾"};
    static final String[] GIVEN = {"建国", "秀英", "伟", "芳", "志强", "桂兰", "海燕", "明", "玉珍", "德福"};
    static final String[] RELATIONS = {"配偶", "子女", "父母", "儿媳女婿", "孙子女"};

    private SampleBooklet() {}

    /** A panel of five whose third member's own household is row 2 (household id 1002). */
    static BookletContent of(int households) {
        List<BookletContent.Copy> copies = List.of(
                new BookletContent.Copy(1, "王德福", "村干部", null),
                new BookletContent.Copy(2, "李桂兰", "大学生村官", null),
                new BookletContent.Copy(3, "赵志强", "种养大户", 1002L),
                new BookletContent.Copy(4, "刘海燕", "个体商户", null),
                new BookletContent.Copy(5, "陈玉珍", "老党员", null));
        List<BookletContent.Row> rows = new ArrayList<>();
        for (int i = 1; i <= households; i++) {
            String rep = SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length];
            List<String> members = new ArrayList<>();
            for (int m = 0; m < i % 5; m++) {
                members.add(SURNAMES[(i + m + 3) % SURNAMES.length] + GIVEN[(i + 2 * m) % GIVEN.length] + "（"
                        + RELATIONS[m] + "）");
            }
            rows.add(new BookletContent.Row(
                    i,
                    1000L + i,
                    rep,
                    members,
                    "3701**********" + String.format("%04d", i % 10000),
                    "山东省济南市章丘区明水街道东关村" + (i % 7 + 1) + "组" + i + "号",
                    "138" + String.format("%08d", i)));
        }
        return new BookletContent("章丘农商银行", "明水支行", 42, "东关村评议小组", 3, LocalDate.of(2026, 9, 16), copies, rows);
    }
}
