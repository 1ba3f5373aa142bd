package sunshine.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.panel.Panels;

/**
 * What the aggregation (R19) reads: per household of a panel, the figures of every verified copy (R18: only a
 * verified copy counts), with the member and whether it is the member's own household (R13: not a valid estimate).
 * Scoped like the panel: 404 outside the caller's scope.
 */
@Service
public class VerifiedEstimates {

    /** One verified copy's figures for a household. */
    public record CopyFigures(int copyNo, Long memberId, String memberName, boolean ownHousehold, Figures figures) {}

    /** A household with the verified copies' figures, in copy order. */
    public record Household(long householdId, List<CopyFigures> copies) {

        /** The copies that count: not the member's own household, and not left blank. */
        public List<CopyFigures> valid() {
            return copies.stream()
                    .filter(c -> !c.ownHousehold() && !c.figures().blank())
                    .toList();
        }
    }

    private final JdbcClient jdbc;
    private final Panels panels;

    VerifiedEstimates(JdbcClient jdbc, Panels panels) {
        this.jdbc = jdbc;
        this.panels = panels;
    }

    /** The panel's households with verified figures, in the row order of the copies' print. */
    @Transactional(readOnly = true)
    public List<Household> ofPanel(long panelId) {
        panels.requireSheet(panelId);
        Map<Long, List<CopyFigures>> byHousehold = new LinkedHashMap<>();
        jdbc.sql("""
                select e.household_id, c.copy_no, c.member_id, c.member_name, e.own_household, e.assets, e.liabilities,
                       e.gross_income, e.net_income, e.suggested_amount, e.do_not_recommend
                  from estimate e join estimate_copy c on c.id = e.copy_id
                 where c.panel_id = :p and c.status = 'VERIFIED'
                 order by e.row_no, c.copy_no""")
                .param("p", panelId)
                .query((rs, n) -> {
                    byHousehold
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new CopyFigures(
                                    rs.getInt(2),
                                    (Long) rs.getObject(3),
                                    rs.getString(4),
                                    rs.getBoolean(5),
                                    new Figures(
                                            rs.getBigDecimal(6),
                                            rs.getBigDecimal(7),
                                            rs.getBigDecimal(8),
                                            rs.getBigDecimal(9),
                                            rs.getBigDecimal(10),
                                            rs.getBoolean(11))));
                    return null;
                })
                .list();
        List<Household> result = new ArrayList<>();
        byHousehold.forEach((h, copies) -> result.add(new Household(h, List.copyOf(copies))));
        return result;
    }
}
