package sunshine.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.DataScope;

/**
 * Filing coverage (R9): households filed ÷ the actual households of the areas' survey figures, against the
 * 95% target, per area, branch and account manager. Computed live from the files.
 */
@Service
public class Coverage {

    public static final BigDecimal TARGET = new BigDecimal("95");

    /** One line of the coverage table. */
    public record Line(
            Long id,
            String name,
            String branchName,
            long actualHouseholds,
            long filedHouseholds,
            long filedPeople,
            long excludedPeople) {

        /** Percent, one decimal; null when there is nothing to file. */
        @com.fasterxml.jackson.annotation.JsonProperty
        public BigDecimal percent() {
            if (actualHouseholds == 0) {
                return null;
            }
            return BigDecimal.valueOf(filedHouseholds * 100L)
                    .divide(BigDecimal.valueOf(actualHouseholds), 1, RoundingMode.HALF_UP);
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean meetsTarget() {
            return percent() != null && percent().compareTo(TARGET) >= 0;
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public long missingHouseholds() {
            long target = (actualHouseholds * 95 + 99) / 100;
            return Math.max(0, target - filedHouseholds);
        }
    }

    public enum By {
        AREA,
        BRANCH,
        MANAGER
    }

    /** Per area: households filed, people filed, people excluded. */
    private static final String FILED = """
            with filed as (
              select c.area_id, count(distinct c.household_id) as households, count(*) as people,
                     count(*) filter (where c.excluded) as excluded
                from customer c group by c.area_id)
            """;

    /**
     * The figures of one active area of a bank, with where it sits (branch path, account manager): what the
     * dashboard precomputes (issue 8) from the same query as the coverage table.
     */
    public record AreaFigure(
            long areaId,
            String areaName,
            String divisionCode,
            long branchId,
            String branchName,
            String branchPath,
            Long managerId,
            String managerName,
            long actualHouseholds,
            long filedHouseholds,
            long filedPeople,
            long excludedPeople,
            /* active households whose credit representative is not excluded (R7, R8): R9's pre-credit base */
            long eligibleHouseholds) {}

    private final JdbcClient jdbc;
    private final DataScope scope;

    Coverage(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    @Transactional(readOnly = true)
    public List<Line> by(By by, Long branchId) {
        String sub = branchId == null ? "" : " and b.path like :sub";
        String filed = FILED;
        String sql = switch (by) {
            case AREA -> filed + """
                    select a.id, a.name, b.name as branch_name, a.actual_households,
                           coalesce(f.households, 0), coalesce(f.people, 0), coalesce(f.excluded, 0)
                      from area a join branch b on b.id = a.branch_id left join filed f on f.area_id = a.id
                     where a.active and %s %s order by b.path, a.division_code nulls last, a.name""";
            case BRANCH -> filed + """
                    select b.id, b.name, b.name, sum(a.actual_households),
                           coalesce(sum(f.households), 0), coalesce(sum(f.people), 0), coalesce(sum(f.excluded), 0)
                      from area a join branch b on b.id = a.branch_id left join filed f on f.area_id = a.id
                     where a.active and %s %s group by b.id, b.name, b.path order by b.path""";
            case MANAGER -> filed + """
                    select m.id, coalesce(m.name, '—'), min(b.name), sum(a.actual_households),
                           coalesce(sum(f.households), 0), coalesce(sum(f.people), 0), coalesce(sum(f.excluded), 0)
                      from area a join branch b on b.id = a.branch_id left join staff m on m.id = a.manager_id
                      left join filed f on f.area_id = a.id
                     where a.active and %s %s group by m.id, m.name order by min(b.path), m.name""";
        };
        var stmt = jdbc.sql(sql.formatted(scope.condition("b"), sub)).params(scope.params());
        if (branchId != null) {
            stmt = stmt.param("sub", scope.requireBranch(branchId) + "%");
        }
        return stmt.query((rs, n) -> new Line(
                        (Long) rs.getObject(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }

    /**
     * Every active area of a bank with its filing figures, for background work (no signed-in user, no scope: the
     * caller scopes what it shows). One pass over the bank's customers.
     */
    @Transactional(readOnly = true)
    public List<AreaFigure> areaFigures(long bankId) {
        return jdbc.sql(FILED.replace("from customer c group", "from customer c where c.bank_id = :bank group") + """
                        , eligible as (
                          select h.area_id, count(*) as households from household h
                            join customer r on r.id = h.representative_id
                           where h.bank_id = :bank and h.active and not r.excluded group by h.area_id)
                        select a.id, a.name, a.division_code, b.id, b.name, b.path, m.id, m.name, a.actual_households,
                               coalesce(f.households, 0), coalesce(f.people, 0), coalesce(f.excluded, 0),
                               coalesce(e.households, 0)
                          from area a join branch b on b.id = a.branch_id left join staff m on m.id = a.manager_id
                          left join filed f on f.area_id = a.id left join eligible e on e.area_id = a.id
                         where a.active and a.bank_id = :bank""")
                .param("bank", bankId)
                .query((rs, n) -> new AreaFigure(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3) == null ? null : rs.getString(3).strip(),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        (Long) rs.getObject(7),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getLong(13)))
                .list();
    }

    /** The total of a set of lines. */
    public static Line total(List<Line> lines, String name) {
        return new Line(
                null,
                name,
                "",
                lines.stream().mapToLong(Line::actualHouseholds).sum(),
                lines.stream().mapToLong(Line::filedHouseholds).sum(),
                lines.stream().mapToLong(Line::filedPeople).sum(),
                lines.stream().mapToLong(Line::excludedPeople).sum());
    }
}
