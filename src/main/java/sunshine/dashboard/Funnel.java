package sunshine.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import sunshine.shared.DataScope;

/**
 * The campaign funnel (issue 8 point 2): to file → filed → reviewed → pre-credited → approved → contracted → drawn,
 * as far as the stages exist. Each stage contributes a {@link sunshine.shared.FunnelStep} bean; the figures are
 * precomputed per area ({@link FiguresRefresh}) and summed here for an area, a branch subtree or the caller's scope.
 * The step that keeps the smallest share of the step before it is where the funnel leaks most. Each answer is one
 * statement outside any transaction (see {@link CoverageBoard} for why).
 */
@Service
@PreAuthorize(Roles.READ)
public class Funnel {

    /** One step: how many households reached it, their amount, the share of the step before, how many were lost. */
    public record Step(
            int order,
            String messageKey,
            long households,
            BigDecimal amount,
            BigDecimal keptPercent,
            long lost,
            boolean leak) {}

    /** One branch's row of the funnel table: households per step order. */
    public record Row(long branchId, String branchName, Map<Integer, Long> households) {}

    private final JdbcClient jdbc;
    private final CoverageBoard board;
    private final DataScope scope;

    Funnel(JdbcClient jdbc, CoverageBoard board, DataScope scope) {
        this.jdbc = jdbc;
        this.board = board;
        this.scope = scope;
    }

    /** The steps for one area (when given, it must be in scope), else a branch subtree, else the whole scope. */
    public List<Step> steps(Long branchId, Long areaId) {
        CoverageBoard.Where w = board.where(branchId);
        String sql = w.sql();
        if (areaId != null) {
            board.area(areaId);
            sql += " and f.area_id = :area";
            w.params().put("area", areaId);
        }
        w.params().put("bank", scope.user().bankId());
        List<Step> raw = jdbc.sql("""
                        select s.step_order, s.message_key, coalesce(x.households, 0), coalesce(x.amount, 0)
                          from dashboard_funnel_step s left join (
                               select g.step_order, sum(g.households) as households, sum(g.amount) as amount
                                 from dashboard_funnel_figure g join dashboard_area_figure f on f.area_id = g.area_id"""
                        + sql + " group by g.step_order) x on x.step_order = s.step_order"
                        + " where s.bank_id = :bank order by s.step_order")
                .params(w.params())
                .query((rs, n) ->
                        new Step(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), null, 0, false))
                .list();
        return withLeaks(raw);
    }

    /** Per branch of the scope or subtree: households at each step (the table under the chart). */
    public List<Row> byBranch(Long branchId) {
        CoverageBoard.Where w = board.where(branchId);
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select f.branch_id, min(f.branch_name), g.step_order, sum(g.households)"
                        + " from dashboard_funnel_figure g join dashboard_area_figure f on f.area_id = g.area_id"
                        + w.sql() + " group by f.branch_id, g.step_order order by min(f.path), g.step_order")
                .params(w.params())
                .query(rs -> {
                    String name = rs.getString(2);
                    rows.computeIfAbsent(rs.getLong(1), id -> new Row(id, name, new LinkedHashMap<>()))
                            .households()
                            .put(rs.getInt(3), rs.getLong(4));
                });
        return new ArrayList<>(rows.values());
    }

    /** Share kept from the step before (one decimal) and the households lost; the lowest share marks the leak. */
    static List<Step> withLeaks(List<Step> raw) {
        List<Step> steps = new ArrayList<>(raw.size());
        int leak = -1;
        BigDecimal lowest = null;
        for (int i = 0; i < raw.size(); i++) {
            Step s = raw.get(i);
            BigDecimal kept = null;
            long lost = 0;
            if (i > 0) {
                long before = raw.get(i - 1).households();
                kept = CoverageLine.percent(s.households(), before);
                lost = Math.max(0, before - s.households());
                if (kept != null && (lowest == null || kept.compareTo(lowest) < 0)) {
                    lowest = kept;
                    leak = i;
                }
            }
            steps.add(new Step(
                    s.order(),
                    s.messageKey(),
                    s.households(),
                    s.amount().setScale(2, RoundingMode.HALF_UP),
                    kept,
                    lost,
                    false));
        }
        if (leak > 0 && lowest.compareTo(BigDecimal.valueOf(100)) < 0) {
            Step s = steps.get(leak);
            steps.set(
                    leak,
                    new Step(s.order(), s.messageKey(), s.households(), s.amount(), s.keptPercent(), s.lost(), true));
        }
        return steps;
    }
}
