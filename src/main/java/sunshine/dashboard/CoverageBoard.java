package sunshine.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import sunshine.customer.HouseholdRoster;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;

/**
 * Filing and pre-credit coverage (R9) and publicity coverage (R34) per bank, branch, account manager and area, read from the precomputed
 * figures ({@link FiguresRefresh}) within the caller's scope, and the drill-down to an area's households that are
 * not on the pre-credit list (read live: one area is a few hundred households).
 *
 * <p>No method here opens a transaction: each reads one statement of precomputed figures (or, for the drill-down,
 * the scoped roster and the results of its households), so a connection is held for one statement only. This also
 * matters when a question is refused: {@link DataScope} publishes the attempt, and the audit log writes it after
 * the caller's transaction in a new one. Inside a transaction that write needed a second connection while the
 * first was still held, so fifty refused questions at once held all ten connections and each waited for an eleventh
 * (the 30 s pool timeouts of the 1M benchmark). Without a transaction the attempt is written at once, holding one.
 */
@Service
@PreAuthorize(Roles.READ)
public class CoverageBoard {

    /** How the area list is ordered: the furthest behind first (by filing or pre-credit coverage), or by name. */
    public enum Order {
        FILING,
        PRE_CREDIT,
        PUBLICITY,
        NAME
    }

    /** Why a filed, eligible household is not on the pre-credit list. */
    public enum Gap {
        NOT_REVIEWED,
        BACK_TO_PANEL,
        NOT_ELIGIBLE,
        NO_AMOUNT
    }

    /** A household missing from the pre-credit list: the representative masked, and why. */
    public record MissingHousehold(
            long householdId, String representative, String residentIdMasked, String address, int members, Gap gap) {}

    static final String SUMS = "sum(f.actual_households), sum(f.filed_households), sum(f.eligible_households),"
            + " sum(f.pre_credit_households), coalesce(sum(f.pre_credit_amount), 0),"
            + " coalesce(sum(f.publicity_reached), 0), coalesce(sum(f.publicity_households), 0)";
    /** An area's own figures, in the order {@link #line} reads them after id, name and parent. */
    static final String AREA_COLUMNS = "f.actual_households, f.filed_households, f.eligible_households,"
            + " f.pre_credit_households, f.pre_credit_amount, f.publicity_reached, f.publicity_households";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final HouseholdRoster roster;

    CoverageBoard(JdbcClient jdbc, DataScope scope, HouseholdRoster roster) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.roster = roster;
    }

    /** The whole of the caller's scope (or of one branch's subtree) as one line. */
    public CoverageLine total(Long branchId, String name) {
        Where w = where(branchId);
        return jdbc.sql("select null, :name, '', " + SUMS + " from dashboard_area_figure f" + w.sql)
                .params(w.params)
                .param("name", name)
                .query(CoverageBoard::line)
                .single();
    }

    /** One line per branch (the branch the areas belong to) of the scope or subtree, in tree order. */
    public List<CoverageLine> branches(Long branchId) {
        Where w = where(branchId);
        return jdbc.sql("select f.branch_id, min(f.branch_name), '', " + SUMS + " from dashboard_area_figure f" + w.sql
                        + " group by f.branch_id order by min(f.path)")
                .params(w.params)
                .query(CoverageBoard::line)
                .list();
    }

    /** One line per account manager responsible for areas of the scope or subtree. */
    public List<CoverageLine> managers(Long branchId) {
        Where w = where(branchId);
        return jdbc.sql("select f.manager_id, coalesce(min(f.manager_name), '—'), min(f.branch_name), " + SUMS
                        + " from dashboard_area_figure f" + w.sql
                        + " group by f.manager_id order by min(f.path), min(f.manager_name)")
                .params(w.params)
                .query(CoverageBoard::line)
                .list();
    }

    /** One page of the areas of the scope or subtree (optionally one manager's), the furthest behind first. */
    public PageResult<CoverageLine> areas(Long branchId, Long managerId, Order order, PageResult.Request page) {
        Where w = where(branchId);
        String sql = w.sql;
        if (managerId != null) {
            sql += " and f.manager_id = :manager";
            w.params.put("manager", managerId);
        }
        long total = jdbc.sql("select count(*) from dashboard_area_figure f" + sql)
                .params(w.params)
                .query(Long.class)
                .single();
        String by = switch (order) {
            case FILING -> "f.filed_households::numeric / nullif(f.actual_households, 0) nulls first";
            case PRE_CREDIT -> "f.pre_credit_households::numeric / nullif(f.eligible_households, 0) nulls first";
            case PUBLICITY -> "f.publicity_reached::numeric / nullif(f.publicity_households, 0) nulls first";
            case NAME -> "f.path, f.division_code nulls last";
        };
        List<CoverageLine> items = jdbc.sql("select f.area_id, f.area_name, f.branch_name, " + AREA_COLUMNS
                        + " from dashboard_area_figure f" + sql + " order by " + by + ", f.area_name, f.area_id"
                        + " limit :limit offset :offset")
                .params(w.params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(CoverageBoard::line)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** One area's line, or 404 when it is outside the caller's scope (audited) or unknown. */
    public CoverageLine area(long areaId) {
        return findArea(areaId).orElseThrow(() -> scope.notFound("area", "area", areaId));
    }

    /** The area's branch id, for links (the area must be in scope). */
    public long branchOf(long areaId) {
        area(areaId);
        return jdbc.sql("select branch_id from dashboard_area_figure where area_id = :a")
                .param("a", areaId)
                .query(Long.class)
                .single();
    }

    /**
     * The area's filed households whose representative is not excluded (R7, R8) and that are not on the
     * pre-credit list, with why: never reviewed, sent back to the panel, not eligible (grade), or no amount.
     */
    public List<MissingHousehold> missing(long areaId) {
        area(areaId);
        List<HouseholdRoster.Entry> households = roster.ofAreas(List.of(areaId));
        if (households.isEmpty()) {
            return List.of();
        }
        // household -> why it is not on the list; null when it is on the list (R9: COMPLETE, eligible, amount > 0).
        // Asked by household id, not by area: the view keeps each household's latest result (distinct on household),
        // so only a condition on the household id reaches its index; a condition on the area made PostgreSQL compute
        // the latest result of every household of the bank first (0.8 s at 1M customers, and CPU for everyone else).
        Map<Long, Gap> status = new HashMap<>();
        jdbc.sql("select household_id, status, eligible, amount from review_pre_credit where household_id = any(:ids)")
                .param(
                        "ids",
                        households.stream()
                                .map(HouseholdRoster.Entry::householdId)
                                .toArray(Long[]::new))
                .query(rs -> {
                    BigDecimal amount = rs.getBigDecimal(4);
                    Gap gap = !"COMPLETE".equals(rs.getString(2))
                            ? Gap.BACK_TO_PANEL
                            : !rs.getBoolean(3)
                                    ? Gap.NOT_ELIGIBLE
                                    : amount == null || amount.signum() <= 0 ? Gap.NO_AMOUNT : null;
                    status.put(rs.getLong(1), gap);
                });
        List<MissingHousehold> result = new ArrayList<>();
        for (HouseholdRoster.Entry e : households) {
            boolean reviewed = status.containsKey(e.householdId());
            Gap gap = reviewed ? status.get(e.householdId()) : Gap.NOT_REVIEWED;
            if (gap != null) {
                result.add(new MissingHousehold(
                        e.householdId(),
                        e.representative(),
                        e.residentIdMasked(),
                        e.address() == null ? null : sunshine.customer.Masking.address(e.address()),
                        e.members().size() + 1,
                        gap));
            }
        }
        return result;
    }

    /**
     * Villages by coverage (the chart beside the tables): how many areas of the scope or subtree fall in each 10%
     * band of filing, pre-credit and publicity coverage; index 10 holds 100% and above, 11 the areas with nothing
     * to divide by.
     */
    public Map<String, long[]> bands(Long branchId) {
        Where w = where(branchId);
        long[] filing = new long[12];
        long[] preCredit = new long[12];
        long[] publicity = new long[12];
        jdbc.sql("""
                        select coalesce(least(10, floor(f.filed_households * 10.0 / nullif(f.actual_households, 0))), 11),
                               coalesce(least(10, floor(f.pre_credit_households * 10.0 / nullif(f.eligible_households, 0))), 11),
                               coalesce(least(10, floor(f.publicity_reached * 10.0 / nullif(f.publicity_households, 0))), 11)
                          from dashboard_area_figure f""" + w.sql).params(w.params).query(rs -> {
            filing[rs.getInt(1)]++;
            preCredit[rs.getInt(2)]++;
            publicity[rs.getInt(3)]++;
        });
        Map<String, long[]> m = new java.util.LinkedHashMap<>();
        m.put("filing", filing);
        m.put("preCredit", preCredit);
        m.put("publicity", publicity);
        return m;
    }

    /** When the caller's bank's figures were last refreshed (empty before the first refresh). */
    public Optional<Instant> refreshedAt() {
        return jdbc.sql("select refreshed_at from dashboard_refresh where bank_id = :b")
                .param("b", scope.user().bankId())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private Optional<CoverageLine> findArea(long areaId) {
        Where w = where(null);
        return jdbc.sql("select f.area_id, f.area_name, f.branch_name, " + AREA_COLUMNS
                        + " from dashboard_area_figure f" + w.sql + " and f.area_id = :area")
                .params(w.params)
                .param("area", areaId)
                .query(CoverageBoard::line)
                .optional();
    }

    /** The scope condition on the figures (they carry the branch path), narrowed to a branch subtree when given. */
    Where where(Long branchId) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String sql = " where " + scope.condition("f");
        if (branchId != null) {
            sql += " and f.path like :sub";
            params.put("sub", scope.requireBranch(branchId) + "%");
        }
        return new Where(sql, params);
    }

    record Where(String sql, Map<String, Object> params) {}

    private static CoverageLine line(ResultSet rs, int n) throws SQLException {
        return new CoverageLine(
                (Long) rs.getObject(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getBigDecimal(8) == null ? BigDecimal.ZERO : rs.getBigDecimal(8),
                rs.getLong(9),
                rs.getLong(10));
    }
}
