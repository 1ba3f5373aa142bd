package sunshine.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.panel.PanelSheet;
import sunshine.panel.Panels;
import sunshine.shared.DataScope;

/**
 * The current pre-credit of households (review_pre_credit), scoped like every read: a household outside the
 * caller's branch subtree is not there. For other modules that need single households or a panel's or an area's.
 */
@Service
public class PreCredits {

    private static final String SELECT = """
            select v.aggregation_id, v.bank_id, v.household_id, v.branch_id, v.area_id, v.status, v.eligible,
                   v.amount, v.grade, v.computed_at, v.rule_set_version, v.band
              from review_pre_credit v join branch b on b.id = v.branch_id
             where\s""";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Panels panels;

    PreCredits(JdbcClient jdbc, DataScope scope, Panels panels) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.panels = panels;
    }

    /** The household's current result, empty when it has none or lies outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<PreCredit> current(long householdId) {
        return jdbc.sql(SELECT + scope.condition("b") + " and v.household_id = :h")
                .params(scope.params())
                .param("h", householdId)
                .query(PreCredits::row)
                .optional();
    }

    /** The current results of the households on the panel's latest booklet print, in booklet order. 404 outside. */
    @Transactional(readOnly = true)
    public List<PreCredit> ofPanel(long panelId) {
        PanelSheet panel = panels.requireSheet(panelId);
        return jdbc.sql(SELECT + scope.condition("b")
                        + " and v.household_id in (select r.household_id from booklet_print_row r"
                        + " where r.print_id = (select max(p.id) from booklet_print p where p.panel_id = :p))"
                        + " order by v.household_id")
                .params(scope.params())
                .param("p", panel.id())
                .query(PreCredits::row)
                .list();
    }

    /** The current results of an area's households (empty outside the scope). */
    @Transactional(readOnly = true)
    public List<PreCredit> ofArea(long areaId) {
        return jdbc.sql(SELECT + scope.condition("b") + " and v.area_id = :a order by v.household_id")
                .params(scope.params())
                .param("a", areaId)
                .query(PreCredits::row)
                .list();
    }

    static PreCredit row(ResultSet rs, int n) throws SQLException {
        return new PreCredit(
                rs.getLong("aggregation_id"),
                rs.getLong("bank_id"),
                rs.getLong("household_id"),
                rs.getLong("branch_id"),
                rs.getLong("area_id"),
                rs.getString("status"),
                rs.getBoolean("eligible"),
                rs.getBigDecimal("amount"),
                rs.getString("grade"),
                rs.getTimestamp("computed_at").toInstant(),
                rs.getInt("rule_set_version"),
                rs.getString("band"));
    }
}
