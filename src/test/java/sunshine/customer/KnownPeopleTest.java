package sunshine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.ActingAs;
import sunshine.Fixtures;
import sunshine.PlatformTest;

/**
 * A re-import stages the people it finds unchanged while reading (KnownPeople), and must sort every row exactly
 * as the database's field-by-field comparison does: a changed field among unchanged rows is still caught, shown
 * in the preview and written to the history, and an unchanged file writes nothing.
 */
@PlatformTest
class KnownPeopleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FilingImports imports;

    String area;
    long areaId;
    long bank;

    @BeforeEach
    void setUp() {
        Fixtures fx = new Fixtures(jdbc);
        bank = fx.bank("ZQRCB");
        long b13 = fx.branch("ZQRCB", "B13");
        area = jdbc.sql("select division_code from area where branch_id = :b and division_code is not null"
                        + " order by division_code limit 1")
                .param("b", b13)
                .query(String.class)
                .single();
        areaId = jdbc.sql("select id from area where division_code = :c")
                .param("c", area)
                .query(Long.class)
                .single();
    }

    @AfterEach
    void decideBySizeAgain() {
        imports.loadKnownPeople(null);
    }

    static String id(String birth, int seq) {
        return ResidentId.complete("370181" + birth + String.format("%03d", seq));
    }

    /** A person's row in the template's column order. */
    List<String> row(String household, String rel, String name, String rid, String phone, String occupation) {
        List<String> r = new ArrayList<>(Collections.nCopies(FilingColumns.FIXED.size(), null));
        r.set(0, area);
        r.set(1, household);
        r.set(2, rel);
        r.set(3, name);
        r.set(4, rid);
        r.set(7, phone);
        r.set(8, "山东省济南市章丘区某村" + household + "号");
        r.set(9, "农户");
        r.set(10, occupation);
        r.set(12, "本地");
        return r;
    }

    static byte[] workbook(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("客户建档");
        for (int c = 0; c < FilingColumns.FIXED.size(); c++) {
            ws.inlineString(0, c, FilingColumns.FIXED.get(c).header());
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c) != null) {
                    ws.inlineString(r + 1, c, rows.get(r).get(c));
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    FilingImport upload(List<List<String>> rows, boolean loadKnown) throws Exception {
        imports.loadKnownPeople(loadKnown);
        byte[] xlsx = workbook(rows);
        return ActingAs.call(mvc, "b13_entry", () -> {
            FilingImport i = imports.upload("建档.xlsx", new ByteArrayInputStream(xlsx));
            return imports.await(i.id(), 60_000);
        });
    }

    FilingImport commit(long id) throws Exception {
        return ActingAs.call(mvc, "b13_entry", () -> {
            imports.commit(id);
            return imports.await(id, 60_000);
        });
    }

    /** Row number → status, changed fields and reasons, as staged. */
    Map<Integer, String> sorted(long importId) {
        Map<Integer, String> m = new TreeMap<>();
        jdbc.sql("""
                select row_no, status || ' ' || coalesce(changed_fields, '-') || ' ' || coalesce(reasons, '-')
                       || ' ' || coalesce(customer_id::text, '-')
                  from filing_import_row where import_id = :i""")
                .param("i", importId)
                .query((rs, n) -> m.put(rs.getInt(1), rs.getString(2)))
                .list();
        return m;
    }

    long customer(String residentId) {
        return jdbc.sql("select id from customer where resident_id = :r")
                .param("r", residentId)
                .query(Long.class)
                .single();
    }

    @Test
    void aReimportFindsTheOneChangedFieldAmongUnchangedPeople_recordsItInTheHistory_andThenWritesNothing()
            throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            for (int m = 0; m < 3; m++) {
                rows.add(row(
                        "KP-A" + h,
                        m == 0 ? "本人" : m == 1 ? "配偶" : "子女",
                        "柯" + "一二三四".charAt(h) + "五六七".charAt(m),
                        id("1975010" + (h + 1), 700 + h * 3 + m),
                        "1391234" + (5000 + h * 3 + m),
                        m == 2 ? null : "种植"));
            }
        }
        FilingImport first = upload(rows, true);
        assertThat(first.newRows()).isEqualTo(12);
        assertThat(commit(first.id()).status()).isEqualTo(FilingImport.Status.COMMITTED);

        // the digest computed in the database and the one of the row agree for every person just filed
        try (Connection c = dataSource.getConnection()) {
            long b13 = new Fixtures(jdbc).branch("ZQRCB", "B13");
            String path = jdbc.sql("select path from branch where id = :b")
                    .param("b", b13)
                    .query(String.class)
                    .single();
            KnownPeople known = KnownPeople.load(c, bank, path);
            for (List<String> r : rows) {
                assertThat(known.unchanged(
                                r.get(4),
                                new KnownPeople.Filed(
                                        r.get(3),
                                        r.get(7),
                                        r.get(8),
                                        CustomerType.FARMER,
                                        r.get(10),
                                        null,
                                        Residence.LOCAL,
                                        null,
                                        areaId,
                                        Map.of(),
                                        r.get(1),
                                        FilingColumns.relationship(r.get(2)))))
                        .isEqualTo(customer(r.get(4)));
            }
            // one field differs: not unchanged
            List<String> r = rows.get(0);
            assertThat(known.unchanged(
                            r.get(4),
                            new KnownPeople.Filed(
                                    r.get(3),
                                    "13900000000",
                                    r.get(8),
                                    CustomerType.FARMER,
                                    r.get(10),
                                    null,
                                    Residence.LOCAL,
                                    null,
                                    areaId,
                                    Map.of(),
                                    r.get(1),
                                    Relationship.SELF)))
                    .isZero();
        }

        Map<Long, Integer> versions = new TreeMap<>();
        rows.forEach(r -> versions.put(customer(r.get(4)), version(customer(r.get(4)))));
        List<List<String>> changed = new ArrayList<>();
        rows.forEach(r -> changed.add(new ArrayList<>(r)));
        changed.get(6).set(7, "13700000077"); // row 8: a new phone
        changed.get(10).set(10, "养殖"); // row 12: another occupation
        FilingImport again = upload(changed, true);
        assertThat(again.changedRows()).isEqualTo(2);
        assertThat(again.unchangedRows()).isEqualTo(10);
        assertThat(again.newRows()).isZero();
        Map<Integer, String> staged = sorted(again.id());
        assertThat(staged.get(8)).startsWith("CHANGED phone -");
        assertThat(staged.get(12)).startsWith("CHANGED occupation -");
        assertThat(staged.get(2))
                .isEqualTo("UNCHANGED - - " + customer(rows.get(0).get(4)));

        assertThat(commit(again.id()).status()).isEqualTo(FilingImport.Status.COMMITTED);
        long phoneOf = customer(rows.get(6).get(4));
        long occupationOf = customer(rows.get(10).get(4));
        long clerk = new Fixtures(jdbc).staffOf("b13_entry");
        List<String> history = jdbc.sql("""
                        select customer_id || ' ' || field || ' ' || old_value || ' ' || new_value || ' ' || changed_by
                               || ' ' || (changed_at > now() - interval '10 minutes')
                          from customer_history where customer_id in (:ids) and source = 'IMPORT' order by customer_id""")
                .param("ids", List.copyOf(versions.keySet()))
                .query(String.class)
                .list();
        assertThat(history)
                .containsExactly(
                        phoneOf + " phone " + rows.get(6).get(7) + " 13700000077 " + clerk + " true",
                        occupationOf + " occupation 种植 养殖 " + clerk + " true");
        versions.forEach((customer, before) -> assertThat(version(customer))
                .as("version of customer %d", customer)
                .isEqualTo(customer == phoneOf || customer == occupationOf ? before + 1 : before));

        // the same file once more: nothing to change, and nothing written
        FilingImport third = upload(changed, true);
        assertThat(third.unchangedRows()).isEqualTo(12);
        assertThat(third.changedRows() + third.newRows()).isZero();
    }

    @Test
    void theReaderSortsEveryRowAsTheDatabaseDoes_conflictsDuplicatesAndOtherBranchesIncluded() throws Exception {
        String rep = id("19760101", 731);
        String spouse = id("19760102", 732);
        String child = id("19760103", 733);
        String other = id("19760104", 734);
        String twice = id("19760105", 735);
        String away = id("19760106", 736);
        List<List<String>> filed = new ArrayList<>();
        filed.add(row("KP-B1", "本人", "严一", rep, "13912346001", "种植"));
        filed.add(row("KP-B1", "配偶", "严二", spouse, "13912346002", "种植"));
        filed.add(row("KP-B1", "子女", "严三", child, "13912346003", "学生"));
        filed.add(row("KP-B2", "本人", "严四", other, "13912346004", null));
        filed.add(row("KP-B3", "本人", "严五", twice, "13912346005", null));
        List<String> nonLocal = row("KP-B4", "本人", "严六", away, "13912346006", "经商");
        nonLocal.set(12, "外地");
        nonLocal.set(13, "章丘区某市场");
        filed.add(nonLocal);
        FilingImport first = upload(filed, false);
        assertThat(first.newRows()).isEqualTo(6);
        commit(first.id());
        Fixtures fx = new Fixtures(jdbc);
        String elsewhere = id("19760107", 737);
        fx.customerIn(fx.firstArea(fx.branch("ZQRCB", "B01")), elsewhere, "严七");

        List<List<String>> next = new ArrayList<>();
        next.add(filed.get(0)); // row 2: unchanged
        next.add(new ArrayList<>(filed.get(1))); // row 3: renamed
        next.get(1).set(3, "严贰");
        next.add(new ArrayList<>(filed.get(2))); // row 4: occupation left empty, which changes nothing
        next.get(2).set(10, null);
        next.add(new ArrayList<>(filed.get(3))); // row 5: into another household
        next.get(3).set(1, "KP-B1");
        next.add(filed.get(4)); // rows 6 and 7: the same unchanged person twice
        next.add(filed.get(4));
        List<String> moved = new ArrayList<>(nonLocal); // row 8: another place of business
        moved.set(13, "章丘区另一市场");
        next.add(moved);
        next.add(row("KP-B5", "本人", "严八", elsewhere, "13912346007", null)); // row 9: filed by B01
        next.add(row("KP-B5", "本人", "严九", id("19760108", 738), "13912346008", null)); // row 10: new
        List<String> taken = new ArrayList<>(filed.get(2)); // row 11: a child named representative of KP-B1
        taken.set(2, "本人");
        taken.set(4, id("19760109", 739));
        taken.set(3, "严十");
        next.add(taken);

        FilingImport slow = upload(next, false);
        Map<Integer, String> bySql = sorted(slow.id());
        ActingAs.call(mvc, "b13_entry", () -> imports.discard(slow.id()));
        FilingImport fast = upload(next, true);
        Map<Integer, String> byReader = sorted(fast.id());

        assertThat(byReader).isEqualTo(bySql);
        Map<Integer, String> status = new LinkedHashMap<>();
        byReader.forEach((n, s) -> status.put(n, s.substring(0, s.indexOf(' '))));
        assertThat(status)
                .containsExactly(
                        Map.entry(2, "UNCHANGED"),
                        Map.entry(3, "CHANGED"),
                        Map.entry(4, "UNCHANGED"),
                        Map.entry(5, "CONFLICT"),
                        Map.entry(6, "DUPLICATE"),
                        Map.entry(7, "DUPLICATE"),
                        Map.entry(8, "CHANGED"),
                        Map.entry(9, "CONFLICT"),
                        Map.entry(10, "NEW"),
                        Map.entry(11, "CONFLICT"));
        assertThat(byReader.get(3)).startsWith("CHANGED name -");
        assertThat(byReader.get(6)).isEqualTo("DUPLICATE - residentId:import.duplicate|6,7 -");
        assertThat(byReader.get(8)).startsWith("CHANGED businessPlace -");
        assertThat(byReader.get(9)).startsWith("CONFLICT - residentId:customer.error.filedElsewhere");
        assertThat(fast.unchangedRows()).isEqualTo(2);
        assertThat(fast.newRows()).isEqualTo(1);
    }

    @Test
    void extraFieldsAreDigestedAsTheDatabasePrintsThem() throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("landArea", "3.5亩");
        extra.put("b", "引号\"和\\反斜杠\t制表");
        extra.put("ab", "控制\u0001字符");
        extra.put("地块", "一");
        String json = jdbc.sql("select cast(:j as jsonb)::text")
                .param("j", new tools.jackson.databind.json.JsonMapper().writeValueAsString(extra))
                .query(String.class)
                .single();
        assertThat(KnownPeople.jsonbText(extra)).isEqualTo(json);
        assertThat(KnownPeople.jsonbText(Map.of())).isEqualTo("{}");

        // a person filed with extra fields: unchanged only with exactly those values
        String rid = id("19770101", 741);
        List<List<String>> rows = List.of(row("KP-C1", "本人", "温一", rid, "13912347001", null));
        commit(upload(rows, false).id());
        jdbc.sql("update customer set extra = cast(:j as jsonb) where resident_id = :r")
                .param("j", new tools.jackson.databind.json.JsonMapper().writeValueAsString(extra))
                .param("r", rid)
                .update();
        String path = jdbc.sql("select path from branch where id = :b")
                .param("b", new Fixtures(jdbc).branch("ZQRCB", "B13"))
                .query(String.class)
                .single();
        try (Connection c = dataSource.getConnection()) {
            KnownPeople known = KnownPeople.load(c, bank, path);
            List<String> r = rows.get(0);
            Map<String, String> other = new LinkedHashMap<>(extra);
            other.put("landArea", "4亩");
            long[] found = new long[2];
            for (int n = 0; n < 2; n++) {
                found[n] = known.unchanged(
                        rid,
                        new KnownPeople.Filed(
                                r.get(3),
                                r.get(7),
                                r.get(8),
                                CustomerType.FARMER,
                                null,
                                null,
                                Residence.LOCAL,
                                null,
                                areaId,
                                n == 0 ? extra : other,
                                "KP-C1",
                                Relationship.SELF));
            }
            assertThat(found[0]).isEqualTo(customer(rid));
            assertThat(found[1]).isZero();
        }
    }

    int version(long customer) {
        return jdbc.sql("select version from customer where id = :c")
                .param("c", customer)
                .query(Integer.class)
                .single();
    }
}
