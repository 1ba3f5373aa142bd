package sunshine.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.customer.HouseholdRoster;
import sunshine.panel.PanelSheet;
import sunshine.panel.Panels;
import sunshine.review.aggregation.AggregationResult;
import sunshine.review.aggregation.Explanation;
import sunshine.review.aggregation.RuleSet;
import sunshine.shared.DataScope;

/**
 * Reading stored results back (R19-R22): a panel's households with their current result, and one household's
 * explanation, each read under the rule set version it names. Scoped: 404 outside the caller's subtree; resident
 * IDs come masked from the roster.
 */
@Service
public class Results {

    /** One household of a panel's booklet with its current result (null when it has none yet). */
    public record HouseholdResult(
            int rowNo,
            long householdId,
            String representative,
            String residentIdMasked,
            AggregationResult result,
            Instant computedAt) {}

    /** A panel's results in booklet order; printVersion null before any print. */
    public record PanelResults(PanelSheet panel, Integer printVersion, List<HouseholdResult> households) {}

    /** A household's current result with the names behind the ids it keeps. */
    public record HouseholdExplanation(
            long householdId,
            String representative,
            String residentIdMasked,
            Long panelId,
            AggregationResult result,
            Instant computedAt,
            Map<Long, String> staffNames,
            Map<Long, String> memberNames) {

        public String staff(Long id) {
            return id == null ? "—" : staffNames.getOrDefault(id, "#" + id);
        }

        public String member(long id, int seat) {
            return memberNames.getOrDefault(id, "#" + seat);
        }
    }

    private record Stored(long householdId, int version, String json, Instant computedAt) {}

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Panels panels;
    private final HouseholdRoster roster;
    private final ReviewRules rules;
    private final MessageSource messages;

    Results(
            JdbcClient jdbc,
            DataScope scope,
            Panels panels,
            HouseholdRoster roster,
            ReviewRules rules,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.panels = panels;
        this.roster = roster;
        this.rules = rules;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public PanelResults ofPanel(long panelId) {
        PanelSheet panel = panels.requireSheet(panelId);
        Integer version = jdbc.sql("select max(version) from booklet_print where panel_id = :p")
                .param("p", panelId)
                .query(Integer.class)
                .single();
        List<long[]> rows = jdbc.sql("""
                select r.row_no, r.household_id from booklet_print_row r
                  join booklet_print p on p.id = r.print_id
                 where p.panel_id = :p and p.version = :v order by r.row_no""")
                .param("p", panelId)
                .param("v", version == null ? 0 : version)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        List<Long> ids = rows.stream().map(r -> r[1]).toList();
        Map<Long, HouseholdRoster.Entry> people = new HashMap<>();
        roster.byIds(ids).forEach(e -> people.put(e.householdId(), e));
        Map<Long, Stored> stored = new HashMap<>();
        latest(ids).forEach(s -> stored.put(s.householdId(), s));
        Map<Integer, RuleSet> versions = new HashMap<>();
        List<HouseholdResult> result = new ArrayList<>(rows.size());
        for (long[] r : rows) {
            HouseholdRoster.Entry who = people.get(r[1]);
            Stored s = stored.get(r[1]);
            result.add(new HouseholdResult(
                    (int) r[0],
                    r[1],
                    who == null ? "—" : who.representative(),
                    who == null ? "—" : who.residentIdMasked(),
                    s == null ? null : read(panel.bankId(), s, versions),
                    s == null ? null : s.computedAt()));
        }
        return new PanelResults(panel, version, result);
    }

    /** The household's current result and how it was reached; empty result before any aggregation. 404 outside. */
    @Transactional(readOnly = true)
    public HouseholdExplanation explanation(long householdId) {
        Long bankId = jdbc.sql(
                        "select h.bank_id from household h join branch b on b.id = h.branch_id where h.id = :h and "
                                + scope.condition("b"))
                .params(scope.params())
                .param("h", householdId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> scope.notFound("household", "household", householdId));
        HouseholdRoster.Entry who =
                roster.byIds(List.of(householdId)).stream().findFirst().orElse(null);
        Long panelId = jdbc.sql("""
                select p.panel_id from booklet_print_row r join booklet_print p on p.id = r.print_id
                 where r.household_id = :h order by p.id desc limit 1""")
                .param("h", householdId)
                .query(Long.class)
                .optional()
                .orElse(null);
        Optional<Stored> s = latest(List.of(householdId)).stream().findFirst();
        AggregationResult result = s.map(x -> read(bankId, x, new HashMap<>())).orElse(null);
        Map<Long, String> staff = new HashMap<>();
        Map<Long, String> members = new HashMap<>();
        if (result != null) {
            List<Long> staffIds = new ArrayList<>();
            List<Long> memberIds = new ArrayList<>();
            result.estimates().forEach(e -> {
                if (e.keyedBy() != null) staffIds.add(e.keyedBy());
                if (e.verifiedBy() != null) staffIds.add(e.verifiedBy());
                memberIds.add(e.memberId());
            });
            jdbc.sql("""
                    select keyed_by, keyed_by_name from estimate_copy where keyed_by = any(:ids)
                    union select verified_by, verified_by_name from estimate_copy where verified_by = any(:ids)""")
                    .param("ids", staffIds.toArray(Long[]::new))
                    .query((rs, n) -> staff.put(rs.getLong(1), rs.getString(2)))
                    .list();
            jdbc.sql("select distinct member_id, member_name from estimate_copy where member_id = any(:ids)")
                    .param("ids", memberIds.toArray(Long[]::new))
                    .query((rs, n) -> members.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return new HouseholdExplanation(
                householdId,
                who == null ? "—" : who.representative(),
                who == null ? "—" : who.residentIdMasked(),
                panelId,
                result,
                s.map(Stored::computedAt).orElse(null),
                staff,
                members);
    }

    /** The explanation as text in the reader's language, one line per step. */
    public List<String> text(AggregationResult result, Locale locale) {
        return ReviewCalculator.render(result.explanation(), messages, locale);
    }

    private List<Stored> latest(List<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct on (household_id) household_id, rule_set_version, explanation::text, computed_at
                  from review_aggregation where household_id = any(:ids) order by household_id, id desc""")
                .param("ids", householdIds.toArray(Long[]::new))
                .query((rs, n) -> new Stored(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private AggregationResult read(long bankId, Stored s, Map<Integer, RuleSet> versions) {
        RuleSet r = versions.computeIfAbsent(s.version(), v -> rules.version(bankId, v));
        return Explanation.fromJson(s.json(), r).result();
    }
}
