package sunshine.check;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.customer.Masking;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;

/**
 * Fixing the final list of an area or a panel (issue 6 point 6, R24): the current pre-credit amounts of the
 * households on the pre-credit list, less those removed by a bad record in the current snapshots (R24) or with an
 * excluded member (R7), and less those under an audit case not yet closed. Refused while a ledger finding of any of
 * its areas is still OPEN (no reason given). Each area is fixed once; the list and its items never change (a
 * trigger refuses it). {@link FinalListFixed} is published inside the fixing transaction.
 */
@Service
public class FinalLists {

    /** Which households of the areas go on the list: the view's columns, checked against R24, R7 and audit cases. */
    static final String ITEMS_SQL = """
            select p.household_id, p.area_id, p.amount, p.grade, p.aggregation_id
              from review_pre_credit p
             where p.household_id in (select id from household where bank_id = :bank and area_id in (:areas))
               and p.status = 'COMPLETE' and p.eligible and p.amount > 0
               and not exists (select 1 from customer c where c.household_id = p.household_id and c.excluded)
               and not exists (select 1 from customer c
                                 join check_row r on r.resident_id = c.resident_id and r.status = 'VALID'
                                 join check_snapshot s on s.id = r.snapshot_id
                                where c.household_id = p.household_id and s.bank_id = :bank and r.snapshot_id in (:ids)
                                  and %s)
               and not exists (select 1 from check_finding f join check_referral x on x.finding_id = f.id
                                where f.household_id = p.household_id and x.status <> 'CLOSED')
             order by p.area_id, p.household_id""".formatted(BadRecordPolicy.BAD_ROW);

    /** Households of the areas' pre-credit list that are left off, and why (one row per member and cause). */
    static final String LEFT_OFF_SQL = """
            with p as (select household_id from review_pre_credit
                        where household_id in (select id from household where bank_id = :bank and area_id in (:areas))
                          and status = 'COMPLETE' and eligible and amount > 0)
            insert into check_final_list_left_off (final_list_id, household_id, customer_id, reason, snapshot_id, row_no)
            select :l, p.household_id, c.id, %s, r.snapshot_id, r.row_no
              from p join customer c on c.household_id = p.household_id
              join check_row r on r.resident_id = c.resident_id and r.status = 'VALID'
              join check_snapshot s on s.id = r.snapshot_id
             where s.bank_id = :bank and r.snapshot_id in (:ids) and %s
            union all
            select :l, p.household_id, c.id, 'EXCLUDED', null, null
              from p join customer c on c.household_id = p.household_id where c.excluded
            union all
            select :l, p.household_id, f.customer_id, 'AUDIT_OPEN', f.snapshot_id, f.row_no
              from p join check_finding f on f.household_id = p.household_id
              join check_referral x on x.finding_id = f.id where x.status <> 'CLOSED'""".formatted(BadRecordPolicy.REASON, BadRecordPolicy.BAD_ROW);

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Snapshots snapshots;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    FinalLists(
            JdbcClient jdbc, DataScope scope, Snapshots snapshots, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.snapshots = snapshots;
        this.audit = audit;
        this.events = events;
    }

    /** Fixes the list of one area or one panel (exactly one of the two). */
    @Transactional
    public FinalList fix(Long areaId, Long panelId) {
        if ((areaId == null) == (panelId == null)) {
            throw new BusinessException("check.final.areaOrPanel");
        }
        CurrentUser u = scope.user();
        long branchId;
        List<Long> areas;
        if (areaId != null) {
            branchId = jdbc.sql("select branch_id from area where id = :a and bank_id = :b")
                    .param("a", areaId)
                    .param("b", u.bankId())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> scope.notFound("area", "area", areaId));
            scope.requireBranch(branchId);
            areas = List.of(areaId);
        } else {
            branchId = jdbc.sql("select branch_id from panel where id = :p and bank_id = :b")
                    .param("p", panelId)
                    .param("b", u.bankId())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> scope.notFound("panel", "panel", panelId));
            scope.requireBranch(branchId);
            areas = jdbc.sql("select area_id from panel_area where panel_id = :p order by area_id")
                    .param("p", panelId)
                    .query(Long.class)
                    .list();
            if (areas.isEmpty()) {
                throw new BusinessException("check.final.panelWithoutAreas");
            }
        }
        // lock the areas so that two people fixing the same area at once do not both pass the checks below
        jdbc.sql("select id from area where id in (:a) order by id for update")
                .param("a", areas)
                .query(Long.class)
                .list();
        List<String> fixed = jdbc.sql("""
                select a.name from check_final_list_area l join area a on a.id = l.area_id
                 where l.area_id in (:a) order by a.name""").param("a", areas).query(String.class).list();
        if (!fixed.isEmpty()) {
            throw BusinessException.conflict("check.final.alreadyFixed", String.join("、", fixed));
        }
        List<Map<String, Object>> open =
                jdbc.sql("""
                select count(*) as n, min(loan_no) as loan from check_finding
                 where bank_id = :b and area_id in (:a) and status = 'OPEN'""").param("b", u.bankId()).param("a", areas).query().listOfRows();
        long openCount = ((Number) open.get(0).get("n")).longValue();
        if (openCount > 0) {
            throw BusinessException.conflict(
                    "check.final.openFindings", openCount, open.get(0).get("loan"));
        }
        List<Long> current = snapshots.current().forSql();
        List<FinalListFixed.Item> items = jdbc.sql(ITEMS_SQL)
                .param("bank", u.bankId())
                .param("areas", areas)
                .param("ids", current)
                .query((rs, n) -> new FinalListFixed.Item(
                        rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4), rs.getLong(5)))
                .list();
        if (items.isEmpty()) {
            throw new BusinessException("check.final.empty");
        }
        BigDecimal total = items.stream().map(FinalListFixed.Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("""
                insert into check_final_list (bank_id, branch_id, area_id, panel_id, fixed_by, fixed_by_name, fixed_at,
                                              households, total_amount)
                values (:bank, :branch, :area, :panel, :by, :name, :at, :n, :total) returning id""")
                .param("bank", u.bankId())
                .param("branch", branchId)
                .param("area", areaId)
                .param("panel", panelId)
                .param("by", u.staffId())
                .param("name", u.name())
                .param("at", java.sql.Timestamp.from(now))
                .param("n", items.size())
                .param("total", total)
                .query(Long.class)
                .single();
        try {
            for (long a : areas) {
                jdbc.sql("insert into check_final_list_area (area_id, final_list_id) values (:a, :l)")
                        .param("a", a)
                        .param("l", id)
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("check.final.alreadyFixed", "");
        }
        for (FinalListFixed.Item i : items) {
            jdbc.sql("""
                    insert into check_final_list_item (final_list_id, household_id, area_id, amount, grade, aggregation_id)
                    values (:l, :h, :a, :m, :g, :x)""")
                    .param("l", id)
                    .param("h", i.householdId())
                    .param("a", i.areaId())
                    .param("m", i.amount())
                    .param("g", i.grade())
                    .param("x", i.aggregationId())
                    .update();
        }
        jdbc.sql(LEFT_OFF_SQL)
                .param("l", id)
                .param("bank", u.bankId())
                .param("areas", areas)
                .param("ids", current)
                .update();
        audit.record(
                "CHECK_FINAL_LIST_FIXED",
                "check_final_list",
                id,
                null,
                Map.of("areas", areas, "households", items.size(), "total", total.toPlainString()));
        events.publishEvent(new FinalListFixed(id, u.bankId(), branchId, areaId, panelId, u.staffId(), now, items));
        return get(id);
    }

    private static final String LIST_SELECT = """
            select l.*, b.name as branch_name, coalesce(a.name, p.name) as name
              from check_final_list l join branch b on b.id = l.branch_id
              left join area a on a.id = l.area_id left join panel p on p.id = l.panel_id
            """;

    /** The fixed lists of the caller's subtree, newest first. */
    @Transactional(readOnly = true)
    public PageResult<FinalList> list(PageResult.Request page) {
        String where = " where " + scope.condition("b");
        long total = jdbc.sql("select count(*) from check_final_list l join branch b on b.id = l.branch_id" + where)
                .params(scope.params())
                .query(Long.class)
                .single();
        List<FinalList> items = jdbc.sql(
                        LIST_SELECT + where + " order by l.fixed_at desc, l.id desc limit :l offset :o")
                .params(scope.params())
                .param("l", page.size())
                .param("o", page.offset())
                .query(FinalLists::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    public FinalList get(long id) {
        return jdbc.sql(LIST_SELECT + " where l.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(FinalLists::map)
                .optional()
                .orElseThrow(() -> scope.notFound("check_final_list", "check_final_list", id));
    }

    /** The households of a list in area and household order (IDs masked). */
    @Transactional(readOnly = true)
    public List<FinalList.Item> items(long id) {
        get(id);
        return jdbc.sql("""
                select i.household_id, i.area_id, a.name, r.name, r.resident_id, i.amount, i.grade, i.aggregation_id
                  from check_final_list_item i join area a on a.id = i.area_id
                  left join household h on h.id = i.household_id left join customer r on r.id = h.representative_id
                 where i.final_list_id = :l order by a.name, i.household_id""")
                .param("l", id)
                .query((rs, n) -> new FinalList.Item(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        Masking.residentId(rs.getString(5)),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getLong(8)))
                .list();
    }

    /** Who of the areas' pre-credit list was left off when the list was fixed, with the reason and its row. */
    @Transactional(readOnly = true)
    public List<FinalList.LeftOff> leftOff(long id) {
        get(id);
        return jdbc.sql("""
                select o.household_id, o.reason, c.name, c.resident_id, o.snapshot_id, o.row_no
                  from check_final_list_left_off o left join customer c on c.id = o.customer_id
                 where o.final_list_id = :l order by o.household_id, o.reason, o.snapshot_id, o.row_no""")
                .param("l", id)
                .query((rs, n) -> new FinalList.LeftOff(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Masking.residentId(rs.getString(4)),
                        (Long) rs.getObject(5),
                        (Integer) rs.getObject(6)))
                .list();
    }

    /** Areas of the caller's subtree that have review results and no fixed list yet: what can be fixed next. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> fixable() {
        return jdbc.sql("""
                with listed as (select area_id, count(*) filter (where status = 'COMPLETE' and eligible and amount > 0) n
                                  from review_pre_credit where bank_id = :scopeBankId group by area_id)
                select a.id, a.name, b.name as branch_name, listed.n as on_list,
                       (select count(*) from check_finding f where f.area_id = a.id and f.status = 'OPEN') as open_findings
                  from area a join branch b on b.id = a.branch_id join listed on listed.area_id = a.id
                 where %s
                   and not exists (select 1 from check_final_list_area l where l.area_id = a.id)
                 order by b.path, a.name limit 500""".formatted(scope.condition("b")))
                .params(scope.params())
                .query()
                .listOfRows();
    }

    /** Confirmed panels of the caller's subtree none of whose areas is fixed yet. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> fixablePanels() {
        return jdbc.sql("""
                select p.id, p.name, b.name as branch_name from panel p join branch b on b.id = p.branch_id
                 where %s and p.status = 'CONFIRMED'
                   and exists (select 1 from panel_area pa where pa.panel_id = p.id)
                   and not exists (select 1 from panel_area pa join check_final_list_area l on l.area_id = pa.area_id
                                    where pa.panel_id = p.id)
                 order by b.path, p.name limit 500""".formatted(scope.condition("b")))
                .params(scope.params())
                .query()
                .listOfRows();
    }

    private static FinalList map(ResultSet rs, int n) throws SQLException {
        return new FinalList(
                rs.getLong("id"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                (Long) rs.getObject("area_id"),
                (Long) rs.getObject("panel_id"),
                rs.getString("name"),
                rs.getString("fixed_by_name"),
                rs.getTimestamp("fixed_at").toInstant(),
                rs.getInt("households"),
                rs.getBigDecimal("total_amount"));
    }
}
