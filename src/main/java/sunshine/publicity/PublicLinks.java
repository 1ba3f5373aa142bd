package sunshine.publicity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The short link of each area's public page: an unguessable token (12 random bytes, 16 characters), made the first
 * time it is needed, never the area's id. Resolving a token needs no signed-in user: the page is public (R35).
 */
@Service
public class PublicLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    PublicLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The token of the area, made now if it has none. Callers must have checked that the caller may see the area
     * (the staff pages load it through the scoped {@code Areas.get} first).
     */
    @Transactional
    public String tokenFor(long areaId) {
        Optional<String> existing = find(areaId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into area_public_link (area_id, bank_id, token)
                select id, bank_id, :token from area where id = :area on conflict (area_id) do nothing""").param("area", areaId).param("token", token).update();
        return find(areaId).orElseThrow();
    }

    private Optional<String> find(long areaId) {
        return jdbc.sql("select token from area_public_link where area_id = :a")
                .param("a", areaId)
                .query(String.class)
                .optional();
    }

    /** The public view of the area behind the token; empty for an unknown token or an inactive area. */
    @Transactional(readOnly = true)
    public Optional<PublicArea> resolve(String token) {
        if (token == null || token.length() != 16) {
            return Optional.empty();
        }
        return jdbc.sql("select area_id from area_public_link l join area a on a.id = l.area_id"
                        + " where l.token = :t and a.active")
                .param("t", token)
                .query(Long.class)
                .optional()
                .map(this::view);
    }

    /** The public view of an area (unscoped: the caller has resolved a token or checked scope). */
    @Transactional
    public PublicArea view(long areaId) {
        String token = tokenFor(areaId);
        List<PublicArea.Manager> managers = jdbc.sql("""
                select s.name, s.staff_no, s.phone from area a join staff s on s.id = a.manager_id
                 where a.id = :a and s.active""")
                .param("a", areaId)
                .query((rs, n) -> new PublicArea.Manager(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        // R12: the members of the confirmed panel covering the area (names and roles; no phone, no ID)
        List<PublicArea.Member> members = jdbc.sql("""
                select m.name, m.role from panel_area pa join panel p on p.id = pa.panel_id
                  join panel_member m on m.panel_id = p.id
                 where pa.area_id = :a and p.status = 'CONFIRMED' and not m.alternate order by p.id, m.seat""")
                .param("a", areaId)
                .query((rs, n) -> new PublicArea.Member(rs.getString(1), rs.getString(2)))
                .list();
        return jdbc.sql("""
                select a.id, a.bank_id, k.name as bank_name, b.id as branch_id, b.name as branch_name, b.phone,
                       b.address, a.name, a.township_name
                  from area a join branch b on b.id = a.branch_id join bank k on k.id = a.bank_id where a.id = :a""")
                .param("a", areaId)
                .query((rs, n) -> new PublicArea(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        token,
                        managers,
                        members))
                .single();
    }
}
