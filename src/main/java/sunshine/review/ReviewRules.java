package sunshine.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.review.aggregation.FewerThanFive;
import sunshine.review.aggregation.InvalidRules;
import sunshine.review.aggregation.RatingTable;
import sunshine.review.aggregation.RuleSet;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each bank's aggregation and rating rules (R19-R21), one immutable row per version. A bank that never set its
 * own starts from the platform's defaults as version 1. A change is a new version, refused when someone else
 * saved in between, and written to the audit log.
 */
@Service
public class ReviewRules {

    /** One version as listed: who made it, when, why. */
    public record Version(int version, Instant createdAt, String createdBy, String note) {}

    private static final String COLUMNS = "bank_id, version, fewer_than_five, band_low, band_high, rounding_unit,"
            + " product_maximum, ineligible_grades::text, rating::text";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;

    ReviewRules(JdbcClient jdbc, JsonMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    /** The bank's rules now in force (the defaults, stored as version 1, when it has none yet). */
    @Transactional
    public RuleSet current(long bankId) {
        return latest(bankId).orElseGet(() -> {
            insert(RuleSet.defaults(bankId), "platform defaults", null, "system");
            return latest(bankId).orElseThrow();
        });
    }

    /** A version the bank used, as it was (results name the version they used). */
    @Transactional(readOnly = true)
    public RuleSet version(long bankId, int version) {
        return jdbc.sql("select " + COLUMNS + " from review_rule_set where bank_id = :b and version = :v")
                .param("b", bankId)
                .param("v", version)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("review_rule_set", version));
    }

    @Transactional(readOnly = true)
    public List<Version> history(long bankId) {
        return jdbc.sql("""
                select version, created_at, created_by_name, note from review_rule_set
                 where bank_id = :b order by version desc""")
                .param("b", bankId)
                .query((rs, n) ->
                        new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Saves the caller's bank's new rules as the next version. {@code basedOn} is the version the caller
     * edited: when another version was saved meanwhile the change is refused (409), not merged.
     */
    @Transactional
    public RuleSet save(int basedOn, Draft draft, String note) {
        CurrentUser user = CurrentUser.require();
        RuleSet before = current(user.bankId());
        if (before.version() != basedOn) {
            throw BusinessException.conflict("review.rules.error.stale", before.version());
        }
        RuleSet next;
        try {
            next = draft.toRuleSet(user.bankId(), basedOn + 1);
        } catch (InvalidRules e) {
            throw new BusinessException(e.messageKey(), e.args());
        }
        if (!insert(next, note, user.staffId(), user.name())) {
            RuleSet now = current(user.bankId());
            throw BusinessException.conflict("review.rules.error.stale", now.version());
        }
        audit.record("REVIEW_RULES", "review_rule_set", next.version(), before, next);
        return next;
    }

    /** The settings a bank edits (everything of a rule set but the bank and the version number). */
    public record Draft(
            FewerThanFive fewerThanFive,
            BigDecimal bandLow,
            BigDecimal bandHigh,
            BigDecimal roundingUnit,
            BigDecimal productMaximum,
            List<String> ineligibleGrades,
            RatingTable rating) {

        public static Draft of(RuleSet r) {
            return new Draft(
                    r.fewerThanFive(),
                    r.bandLow(),
                    r.bandHigh(),
                    r.roundingUnit(),
                    r.productMaximum(),
                    r.ineligibleGrades(),
                    r.rating());
        }

        RuleSet toRuleSet(long bankId, int version) {
            return new RuleSet(
                    bankId,
                    version,
                    fewerThanFive,
                    bandLow,
                    bandHigh,
                    roundingUnit,
                    productMaximum,
                    ineligibleGrades,
                    rating);
        }
    }

    private java.util.Optional<RuleSet> latest(long bankId) {
        return jdbc.sql("select " + COLUMNS + " from review_rule_set where bank_id = :b order by version desc limit 1")
                .param("b", bankId)
                .query(this::map)
                .optional();
    }

    private boolean insert(RuleSet r, String note, Long staffId, String staffName) {
        return jdbc.sql("""
                insert into review_rule_set (bank_id, version, fewer_than_five, band_low, band_high, rounding_unit,
                       product_maximum, ineligible_grades, rating, note, created_by, created_by_name)
                values (:b, :v, :policy, :low, :high, :unit, :max, cast(:ineligible as jsonb), cast(:rating as jsonb),
                        :note, :by, :byName)
                on conflict do nothing""")
                        .param("b", r.bankId())
                        .param("v", r.version())
                        .param("policy", r.fewerThanFive().name())
                        .param("low", r.bandLow())
                        .param("high", r.bandHigh())
                        .param("unit", r.roundingUnit())
                        .param("max", r.productMaximum())
                        .param("ineligible", json.writeValueAsString(r.ineligibleGrades()))
                        .param("rating", json.writeValueAsString(r.rating()))
                        .param("note", note == null || note.isBlank() ? null : note.strip())
                        .param("by", staffId)
                        .param("byName", staffName)
                        .update()
                == 1;
    }

    private RuleSet map(ResultSet rs, int n) throws SQLException {
        return new RuleSet(
                rs.getLong(1),
                rs.getInt(2),
                FewerThanFive.valueOf(rs.getString(3)),
                plain(rs.getBigDecimal(4)),
                plain(rs.getBigDecimal(5)),
                plain(rs.getBigDecimal(6)),
                plain(rs.getBigDecimal(7)),
                json.readValue(rs.getString(8), new TypeReference<List<String>>() {}),
                json.readValue(rs.getString(9), RatingTable.class));
    }

    /** 1000.00 → 1000, 0.50 → 0.5: as the bank wrote it. */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
