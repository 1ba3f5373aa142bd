package sunshine.publicity;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sunshine.shared.PublicityReach;

/**
 * Publicity coverage per area for the dashboard (R34): the households reached by the area's activities, capped at its
 * actual households, as {@link AreaPublicity} counts them on the publicity pages. Bank-wide, without a user (the
 * dashboard's refresh runs on a schedule); the dashboard scopes what it shows.
 */
@Component
class PublicityCoverage implements PublicityReach {

    private final JdbcClient jdbc;

    PublicityCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Reach> byArea(long bankId) {
        Map<Long, Reach> m = new HashMap<>();
        jdbc.sql("""
                select a.id, a.actual_households, least(coalesce(sum(p.households_reached), 0), a.actual_households)
                  from area a left join publicity_activity p on p.area_id = a.id
                 where a.bank_id = :bank and a.active group by a.id""").param("bank", bankId).query(rs -> {
            m.put(rs.getLong(1), new Reach(rs.getLong(3), rs.getLong(2)));
        });
        return m;
    }
}
