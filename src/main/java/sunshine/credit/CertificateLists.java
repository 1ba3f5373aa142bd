package sunshine.credit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.shared.DataScope;

/**
 * The certificates of an area with the summary of R29 (信用等级评定及授信一览表): each household's representative,
 * grade, limit, term, contract and certificate numbers; households and limits per grade; and the areas of the
 * caller's scope with their counts.
 */
@Service
public class CertificateLists {

    /** Households and limits of one grade in an area. */
    public record GradeTotal(String grade, long households, BigDecimal limit) {}

    /** The 一览表 of one area. */
    public record AreaList(
            Area area, List<CreditLine> lines, List<GradeTotal> grades, long households, BigDecimal limit) {}

    /** An area of the caller's scope with its certificates (for the list of areas). */
    public record AreaCount(long areaId, String areaName, String branchName, long certificates, BigDecimal limit) {}

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Areas areas;

    CertificateLists(JdbcClient jdbc, DataScope scope, Areas areas) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.areas = areas;
    }

    /** Areas of the caller's scope holding certificates, with counts and limits of the lines not closed. */
    @Transactional(readOnly = true)
    public List<AreaCount> areas() {
        return jdbc.sql("""
                select a.id, a.name, b.name, count(*), coalesce(sum(l.limit_amount) filter (where l.status <> 'CLOSED'), 0)
                  from credit_line l join area a on a.id = l.area_id join branch b on b.id = l.branch_id
                 where %s group by a.id, a.name, b.name order by b.name, a.name""".formatted(scope.condition("b")))
                .params(scope.params())
                .query((rs, n) -> new AreaCount(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
    }

    /** One area's certificates (404 outside the caller's scope), by certificate number, with the per-grade summary. */
    @Transactional(readOnly = true)
    public AreaList of(long areaId) {
        Area area = areas.get(areaId);
        List<CreditLine> lines = jdbc.sql(CreditLines.SELECT + " where l.area_id = :a and " + scope.condition("b")
                        + " order by l.certificate_no")
                .params(scope.params())
                .param("a", areaId)
                .query(CreditLines::map)
                .list();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> limits = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        long households = 0;
        for (CreditLine l : lines) {
            if (l.status() == CreditLine.Status.CLOSED) {
                continue;
            }
            String g = l.grade() == null ? "-" : l.grade();
            counts.computeIfAbsent(g, k -> new long[1])[0]++;
            limits.merge(g, l.limit(), BigDecimal::add);
            total = total.add(l.limit());
            households++;
        }
        List<GradeTotal> grades = counts.keySet().stream()
                .sorted()
                .map(g -> new GradeTotal(g, counts.get(g)[0], limits.get(g)))
                .toList();
        return new AreaList(area, lines, grades, households, total);
    }
}
