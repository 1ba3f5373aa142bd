package sunshine.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bank's worth of filed households and confirmed panels, made with set-based SQL (generate_series) straight
 * into the tables, in seconds rather than through the workbook import. Villages 基准村1..N spread over the
 * bank's branches; 基准村1 has exactly 400 households, the rest share the others evenly.
 */
final class BenchData {

    private BenchData() {}

    static void generate(JdbcClient jdbc, long bank, int households, int villages) {
        jdbc.sql("""
                create temp table bench_branch as
                select id, row_number() over (order by id) - 1 as k from branch where bank_id = :bank and kind = 'BRANCH'
                """).param("bank", bank).update();
        jdbc.sql("""
                insert into area (bank_id, branch_id, kind, name, actual_households)
                select :bank, b.id, 'VILLAGE', '基准村' || g, 0
                  from generate_series(1, :villages) g
                  join bench_branch b on b.k = (g - 1) % (select count(*) from bench_branch)
                """).param("bank", bank).param("villages", villages).update();
        jdbc.sql("""
                create temp table bench_area as
                select a.id, a.branch_id, a.name, cast(substr(a.name, 4) as integer) - 1 as k
                  from area a where a.bank_id = :bank and a.name like '基准村%'
                """).param("bank", bank).update();
        jdbc.sql("create index on bench_area (k)").update();
        jdbc.sql("""
                insert into household (bank_id, branch_id, area_id)
                select :bank, a.branch_id, a.id
                  from generate_series(0, :n - 1) g
                  join bench_area a on a.k = case when g < 400 then 0 else 1 + (g - 400) % (:villages - 1) end
                 order by a.k, g
                """)
                .param("bank", bank)
                .param("n", households)
                .param("villages", villages)
                .update();
        String names = """
                (array['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','马','朱','胡','郭','何','林','高','罗'])
                  [1 + %1$s %% 20]
                || (array['建国','秀英','伟','芳','志强','桂兰','海燕','明','玉珍','德福','红梅','立新','淑珍','国庆',
                          '春燕','永刚','丽','军','小红','长顺'])[1 + (%1$s / 20) %% 20]""";
        // representatives: one in 50 excluded (R7), so their household is not listed
        jdbc.sql("""
                insert into customer (bank_id, branch_id, area_id, household_id, relationship, resident_id, name, gender,
                                      birth_date, phone, address, customer_type, data_source, excluded)
                select h.bank_id, h.branch_id, h.area_id, h.id, 'SELF', '37018119' || lpad(h.id::text, 10, '0'),
                       %s, 'M', date '1960-01-01' + (h.id %% 12000)::int,
                       '138' || lpad((h.id %% 100000000)::text, 8, '0'),
                       '山东省济南市章丘区明水街道' || a.name || (h.id %% 9 + 1) || '组' || (h.id %% 97 + 1) || '号',
                       'FARMER', 'IMPORT', h.id %% 50 = 0
                  from household h join bench_area a on a.id = h.area_id
                """.formatted(names.formatted("h.id"))).update();
        jdbc.sql("""
                update household h set representative_id = c.id
                  from customer c where c.household_id = h.id and c.relationship = 'SELF'
                   and h.area_id in (select id from bench_area)
                """).update();
        // 0-4 more members per household, one in 40 excluded
        jdbc.sql("""
                insert into customer (bank_id, branch_id, area_id, household_id, relationship, resident_id, name, gender,
                                      birth_date, phone, address, customer_type, data_source, excluded)
                select h.bank_id, h.branch_id, h.area_id, h.id,
                       (array['SPOUSE','CHILD','CHILD','PARENT'])[m], '37018120' || lpad((h.id * 4 + m)::text, 10, '0'),
                       %s, 'F', date '1970-01-01' + ((h.id + m) %% 12000)::int,
                       '139' || lpad(((h.id * 4 + m) %% 100000000)::text, 8, '0'), '同户', 'FARMER', 'IMPORT',
                       (h.id + m) %% 40 = 0
                  from household h join bench_area a on a.id = h.area_id
                 cross join lateral generate_series(1, (h.id %% 5)::int) m
                """.formatted(names.formatted("(h.id * 7 + m * 13)"))).update();
        jdbc.sql("""
                insert into panel (bank_id, branch_id, kind, status, name, confirmed_at)
                select :bank, a.branch_id, 'VILLAGE', 'CONFIRMED', a.name || '评议小组', now() from bench_area a order by a.k
                """).param("bank", bank).update();
        jdbc.sql("""
                insert into panel_area (panel_id, bank_id, area_id)
                select p.id, :bank, a.id from panel p join bench_area a on p.name = a.name || '评议小组'
                 where p.bank_id = :bank
                """).param("bank", bank).update();
        // five members; the third is filed in the village, their own household recused in their copy (R13)
        jdbc.sql("""
                insert into panel_member (panel_id, bank_id, seat, name, role, alternate, household_id)
                select pa.panel_id, :bank, s,
                       (array['王德福','李桂兰','赵志强','刘海燕','陈玉珍'])[s],
                       (array['CADRE','GRADUATE_OFFICIAL','LARGE_GROWER','SHOPKEEPER','SENIOR_PARTY_MEMBER'])[s],
                       false,
                       case when s = 3 then (select max(h.id) from household h where h.area_id = pa.area_id) end
                  from panel_area pa join bench_area a on a.id = pa.area_id
                 cross join generate_series(1, 5) s
                """).param("bank", bank).update();
        jdbc.sql("analyze").update();
    }
}
