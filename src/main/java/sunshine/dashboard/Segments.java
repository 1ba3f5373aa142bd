package sunshine.dashboard;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.customer.CustomerType;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.NotFoundException;

/** The bank's saved CRM segment rules (R30): defined and removed by head-office business development, used by all. */
@Service
public class Segments {

    private static final String SELECT =
            "select id, name, customer_type, area_id, grade, has_limit, excluded, has_line, no_draw_months"
                    + " from dashboard_segment";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CoverageBoard board;

    Segments(JdbcClient jdbc, AuditLog audit, CoverageBoard board) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.board = board;
    }

    @PreAuthorize(Roles.READ)
    @Transactional(readOnly = true)
    public List<Segment> list() {
        return jdbc.sql(SELECT + " where bank_id = :b order by name")
                .param("b", CurrentUser.require().bankId())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** A segment of the caller's bank, or 404. */
    @PreAuthorize(Roles.READ)
    @Transactional(readOnly = true)
    public Segment get(long id) {
        return jdbc.sql(SELECT + " where id = :id and bank_id = :b")
                .param("id", id)
                .param("b", CurrentUser.require().bankId())
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("segment", id));
    }

    @PreAuthorize(Roles.SETTINGS)
    @Transactional
    public Segment save(Segment s) {
        CurrentUser user = CurrentUser.require();
        if (s.areaId() != null) {
            board.area(s.areaId());
        }
        boolean taken = jdbc.sql("select exists(select 1 from dashboard_segment where bank_id = :b and name = :n)")
                .param("b", user.bankId())
                .param("n", s.name().strip())
                .query(Boolean.class)
                .single();
        if (taken) {
            throw BusinessException.conflict(
                    "dashboard.segment.error.nameTaken", s.name().strip());
        }
        long id = jdbc.sql("""
                insert into dashboard_segment (bank_id, name, customer_type, area_id, grade, has_limit, excluded,
                                               has_line, no_draw_months, created_by)
                values (:b, :n, :t, :a, :g, :l, :e, :line, :months, :by) returning id""")
                .param("b", user.bankId())
                .param("n", s.name().strip())
                .param("t", s.customerType() == null ? null : s.customerType().name())
                .param("a", s.areaId())
                .param(
                        "g",
                        s.grade() == null || s.grade().isBlank()
                                ? null
                                : s.grade().strip().toUpperCase())
                .param("l", s.hasLimit())
                .param("e", s.excluded())
                .param("line", s.hasLine())
                .param("months", s.noDrawMonths())
                .param("by", user.staffId())
                .query(Long.class)
                .single();
        Segment saved = get(id);
        audit.record("CREATE", "dashboard_segment", id, null, saved);
        return saved;
    }

    @PreAuthorize(Roles.SETTINGS)
    @Transactional
    public void delete(long id) {
        Segment before = get(id);
        jdbc.sql("delete from dashboard_segment where id = :id").param("id", id).update();
        audit.record("DELETE", "dashboard_segment", id, before, null);
    }

    private static Segment map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String type = rs.getString(3);
        return new Segment(
                rs.getLong(1),
                rs.getString(2),
                type == null ? null : CustomerType.valueOf(type),
                (Long) rs.getObject(4),
                rs.getString(5),
                (Boolean) rs.getObject(6),
                (Boolean) rs.getObject(7),
                (Boolean) rs.getObject(8),
                (Integer) rs.getObject(9));
    }
}
