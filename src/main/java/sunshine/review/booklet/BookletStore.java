package sunshine.review.booklet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The printed versions of booklets ({@code booklet_print}) and the households each listed, row by row. */
@Repository
public class BookletStore {

    /** One stored print: who, when, what (the covers as printed, the hash of the content). */
    public record Stored(
            long id,
            long bankId,
            long branchId,
            long panelId,
            int version,
            Long printedBy,
            String printedByName,
            Instant printedAt,
            int households,
            String contentHash,
            List<BookletContent.Copy> copies) {}

    private static final TypeReference<List<Map<String, Object>>> SEATS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BookletStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises prints of one panel until the end of the transaction (no two get the same version). */
    public void lock(long panelId) {
        jdbc.sql("select pg_advisory_xact_lock(8161, cast(:p as integer))")
                .param("p", (int) (panelId % Integer.MAX_VALUE))
                .query(rs -> {});
    }

    public Optional<Stored> latest(long panelId) {
        return jdbc.sql("select * from booklet_print where panel_id = :p order by version desc limit 1")
                .param("p", panelId)
                .query(this::map)
                .optional();
    }

    public Optional<Stored> find(long panelId, int version) {
        return jdbc.sql("select * from booklet_print where panel_id = :p and version = :v")
                .param("p", panelId)
                .param("v", version)
                .query(this::map)
                .optional();
    }

    /** Every version of the panel, newest first. */
    public List<Stored> all(long panelId) {
        return jdbc.sql("select * from booklet_print where panel_id = :p order by version desc")
                .param("p", panelId)
                .query(this::map)
                .list();
    }

    /** Records a new version with its households in printed order; returns it. */
    public Stored insert(
            long bankId,
            long branchId,
            BookletContent content,
            String hash,
            Long staffId,
            String staffName,
            Instant at) {
        List<Map<String, Object>> seats = new ArrayList<>();
        for (BookletContent.Copy c : content.copies()) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("copy", c.number());
            m.put("name", c.memberName());
            m.put("role", c.role());
            m.put("householdId", c.ownHouseholdId());
            seats.add(m);
        }
        long id = jdbc.sql("""
                insert into booklet_print (bank_id, branch_id, panel_id, version, printed_by, printed_by_name,
                                           printed_at, households, content_hash, seats)
                values (:bank, :branch, :panel, :version, :by, :byName, :at, :households, :hash, cast(:seats as jsonb))
                returning id""")
                .param("bank", bankId)
                .param("branch", branchId)
                .param("panel", content.panelId())
                .param("version", content.version())
                .param("by", staffId)
                .param("byName", staffName)
                .param("at", java.sql.Timestamp.from(at))
                .param("households", content.rows().size())
                .param("hash", hash)
                .param("seats", json.writeValueAsString(seats))
                .query(Long.class)
                .single();
        Long[] households =
                content.rows().stream().map(BookletContent.Row::householdId).toArray(Long[]::new);
        jdbc.sql("""
                insert into booklet_print_row (print_id, row_no, household_id)
                select :id, n, h from unnest(cast(:households as bigint[])) with ordinality as t(h, n)""").param("id", id).param("households", households).update();
        return find(content.panelId(), content.version()).orElseThrow();
    }

    /** The households of a print in row order (row 1 first). */
    public List<Long> households(long printId) {
        return jdbc.sql("select household_id from booklet_print_row where print_id = :id order by row_no")
                .param("id", printId)
                .query(Long.class)
                .list();
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        List<BookletContent.Copy> copies = new ArrayList<>();
        for (Map<String, Object> m : json.readValue(rs.getString("seats"), SEATS)) {
            Object household = m.get("householdId");
            copies.add(new BookletContent.Copy(
                    ((Number) m.get("copy")).intValue(),
                    (String) m.get("name"),
                    (String) m.get("role"),
                    household == null ? null : ((Number) household).longValue()));
        }
        return new Stored(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getLong("panel_id"),
                rs.getInt("version"),
                (Long) rs.getObject("printed_by"),
                rs.getString("printed_by_name"),
                rs.getTimestamp("printed_at").toInstant(),
                rs.getInt("households"),
                rs.getString("content_hash"),
                copies);
    }
}
