package sunshine.approval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.check.FinalListFixed;
import sunshine.publicity.NoticeMode;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.Today;

/**
 * The approval chain (R26): one case per household of a fixed final list, decided stage by stage by named people.
 * Every decision is an immutable record; nobody decides on their own proposal or twice at one stage in one pass; a
 * decision on a case that changed since it was shown is refused (optimistic locking); a referral back resumes at
 * the stage named. When the last stage approves, INTERNAL mode approves the limit at once, PUBLIC mode waits for
 * the village's notice ({@link Notices}).
 */
@Service
public class ApprovalCases {

    static final String SELECT = """
            select c.*, b.name as branch_name, a.name as area_name, coalesce(r.name, '') as household_name,
                   p.name as proposed_by_name
              from approval_case c join branch b on b.id = c.branch_id join area a on a.id = c.area_id
              join household h on h.id = c.household_id left join customer r on r.id = h.representative_id
              left join staff p on p.id = c.proposed_by
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final ApprovalSettings settings;
    private final ApprovalEvents events;
    private final AuditLog audit;
    private final MessageSource messages;

    ApprovalCases(
            JdbcClient jdbc,
            DataScope scope,
            ApprovalSettings settings,
            ApprovalEvents events,
            AuditLog audit,
            MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.scope = scope;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
    }

    /**
     * A fixed final list: one case per item at the first stage, opened set-based (a list may hold a county); a
     * household's older live case is superseded, and withdrawn if its limit had been approved.
     */
    @EventListener
    @Transactional
    public void on(FinalListFixed list) {
        if (list.items().isEmpty()) {
            return;
        }
        String items = json(list.items());
        record Old(long id, long householdId, String status) {}
        List<Old> superseded = jdbc.sql("""
                with items as (select distinct i.h from json_to_recordset(cast(:items as json)) as i(h bigint)),
                     old as (select c.id, c.status from approval_case c join items i on i.h = c.household_id
                              where c.status not in ('REJECTED', 'REMOVED', 'SUPERSEDED') for update of c)
                update approval_case c set status = 'SUPERSEDED', stage = null, updated_at = now(),
                       version = c.version + 1
                  from old where c.id = old.id
                returning c.id, c.household_id, old.status""")
                .param("items", items)
                .query((rs, n) -> new Old(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
        for (Old o : superseded) {
            if (o.status().equals("APPROVED") || o.status().equals("OBJECTED")) {
                events.withdrawn(list.bankId(), o.householdId(), o.id(), "REFERRED_BACK");
            }
        }
        int opened = jdbc.sql("""
                insert into approval_case (bank_id, branch_id, area_id, household_id, final_list_id, aggregation_id,
                                           proposed_amount, amount, grade, status, stage)
                select distinct on (i.h) a.bank_id, a.branch_id, a.id, i.h, :list, i.agg, round(i.amount, 2),
                       round(i.amount, 2), i.grade, 'IN_CHAIN', :stage
                  from json_to_recordset(cast(:items as json)) as i(h bigint, a bigint, amount numeric, grade text, agg bigint)
                  join area a on a.id = i.a and a.bank_id = :bank
                 where i.amount > 0
                 order by i.h""")
                .param("items", items)
                .param("list", list.finalListId())
                .param("stage", settings.chain(list.bankId()).first().name())
                .param("bank", list.bankId())
                .update();
        audit.record(
                list.bankId(),
                list.fixedBy(),
                "system",
                "OPEN_CASES",
                "final_list",
                list.finalListId(),
                null,
                Map.of("items", list.items().size(), "opened", opened, "superseded", superseded.size()));
    }

    /** The items as a JSON array for json_to_recordset (numbers and a grade of letters and signs only). */
    private static String json(List<FinalListFixed.Item> items) {
        StringBuilder b = new StringBuilder(items.size() * 64).append('[');
        for (FinalListFixed.Item i : items) {
            if (b.length() > 1) {
                b.append(',');
            }
            String grade =
                    i.grade() != null && i.grade().matches("[A-Za-z0-9+\\-]{1,10}") ? '"' + i.grade() + '"' : "null";
            b.append("{\"h\":")
                    .append(i.householdId())
                    .append(",\"a\":")
                    .append(i.areaId())
                    .append(",\"amount\":")
                    .append(i.amount().toPlainString())
                    .append(",\"grade\":")
                    .append(grade)
                    .append(",\"agg\":")
                    .append(i.aggregationId())
                    .append('}');
        }
        return b.append(']').toString();
    }

    /** A case the caller may see, or 404 (audited when it exists elsewhere). */
    @Transactional(readOnly = true)
    public ApprovalCase get(long id) {
        return jdbc.sql(SELECT + " where c.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(ApprovalCases::map)
                .optional()
                .orElseThrow(() -> scope.notFound("approval_case", "approval_case", id));
    }

    @Transactional(readOnly = true)
    public List<Decision> history(long caseId) {
        get(caseId);
        return jdbc.sql("select * from approval_decision where case_id = :c order by id")
                .param("c", caseId)
                .query((rs, n) -> new Decision(
                        rs.getLong("id"),
                        rs.getInt("pass"),
                        Stage.valueOf(rs.getString("stage")),
                        DecisionKind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("amount_before"),
                        rs.getBigDecimal("amount_after"),
                        rs.getString("refer_to") == null ? null : Stage.valueOf(rs.getString("refer_to")),
                        rs.getString("reason"),
                        rs.getLong("decided_by"),
                        rs.getString("decided_by_name"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    /**
     * The caller's work queue: cases in their scope waiting at a stage whose role they have, except their own
     * proposals (R26), in area order.
     */
    @Transactional(readOnly = true)
    public List<ApprovalCase> queue(int limit) {
        CurrentUser user = scope.user();
        List<String> stages = settings.chain(user.bankId()).stages().stream()
                .filter(s -> user.has(s.role()))
                .map(s -> s.stage().name())
                .toList();
        if (stages.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.status = 'IN_CHAIN' and c.stage in (:stages) and " + scope.condition("b")
                        + " and (c.proposed_by is null or c.proposed_by <> :me or c.stage = :first)"
                        + " order by a.name, c.area_id, c.stage, c.id limit :limit")
                .params(scope.params())
                .param("stages", stages)
                .param("me", user.staffId())
                .param("first", settings.chain(user.bankId()).first().name())
                .param("limit", limit)
                .query(ApprovalCases::map)
                .list();
    }

    /** Cases of an area the caller may see (404 outside the scope), in household order. */
    @Transactional(readOnly = true)
    public List<ApprovalCase> ofArea(long areaId) {
        requireArea(areaId);
        return jdbc.sql(SELECT + " where c.area_id = :a and c.status <> 'SUPERSEDED' order by c.status, c.id")
                .param("a", areaId)
                .query(ApprovalCases::map)
                .list();
    }

    /** The areas in the caller's scope that have cases, with counts by status. */
    @Transactional(readOnly = true)
    public List<AreaSummary> areas() {
        return jdbc.sql("""
                select c.area_id, a.name, b.name,
                       count(*) filter (where c.status = 'IN_CHAIN'),
                       count(*) filter (where c.status = 'AWAITING_NOTICE'),
                       count(*) filter (where c.status = 'APPROVED'),
                       count(*) filter (where c.status = 'OBJECTED'),
                       count(*) filter (where c.status in ('REJECTED', 'REMOVED')),
                       coalesce(sum(c.amount) filter (where c.status in ('APPROVED', 'AWAITING_NOTICE', 'OBJECTED')), 0)
                  from approval_case c join area a on a.id = c.area_id join branch b on b.id = c.branch_id
                 where c.status <> 'SUPERSEDED' and""" + " " + scope.condition("b")
                        + " group by c.area_id, a.name, b.name order by b.name, a.name limit 1000")
                .params(scope.params())
                .query((rs, n) -> new AreaSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getBigDecimal(9)))
                .list();
    }

    /** The area's bank and branch after a scope check (404 outside the caller's subtree). */
    long requireArea(long areaId) {
        return jdbc.sql("select a.branch_id from area a join branch b on b.id = a.branch_id where a.id = :a and "
                        + scope.condition("b"))
                .params(scope.params())
                .param("a", areaId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> scope.notFound("area", "area", areaId));
    }

    /** One decision by the signed-in person (R26). */
    @Transactional
    public ApprovalCase decide(long caseId, DecisionCommand cmd) {
        ApprovalCase c = get(caseId);
        decideOn(c, cmd, scope.user());
        return get(caseId);
    }

    /**
     * Approves at once the cases of an area at one stage that the caller chose from their queue, each at the version
     * shown: all or none (a refused one names the household and why).
     */
    @Transactional
    public int approveAll(long areaId, Stage stage, Map<Long, Integer> versions) {
        requireArea(areaId);
        CurrentUser user = scope.user();
        if (versions.isEmpty()) {
            throw new BusinessException("approval.error.nothingChosen");
        }
        for (Map.Entry<Long, Integer> e : versions.entrySet()) {
            ApprovalCase c = get(e.getKey());
            if (c.areaId() != areaId) {
                throw scope.notFound("approval_case", "approval_case", e.getKey());
            }
            try {
                decideOn(c, DecisionCommand.approve(stage, e.getValue()), user);
            } catch (BusinessException refused) {
                String why = messages.getMessage(
                        refused.messageKey(), refused.args(), refused.messageKey(), LocaleContextHolder.getLocale());
                throw BusinessException.conflict("approval.error.bulk", c.householdName(), c.id(), why);
            }
        }
        return versions.size();
    }

    private void decideOn(ApprovalCase c, DecisionCommand cmd, CurrentUser user) {
        Chain chain = settings.chain(c.bankId());
        if (cmd.stage() == null || cmd.kind() == null) {
            throw new BusinessException("approval.error.kind");
        }
        // twice at one stage in one pass (checked before the version: the second click comes with the new version)
        Long earlier = jdbc.sql(
                        "select decided_by from approval_decision where case_id = :c and pass = :p and stage = :s")
                .param("c", c.id())
                .param("p", c.pass())
                .param("s", cmd.stage().name())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (earlier != null && earlier == user.staffId()) {
            throw BusinessException.conflict("approval.error.twice", cmd.stage().name());
        }
        if (c.version() != cmd.version() || c.status() != CaseStatus.IN_CHAIN || c.stage() != cmd.stage()) {
            throw BusinessException.conflict("approval.error.stale", c.householdName());
        }
        // R26: nobody decides on their own proposal
        if (c.stage() != chain.first() && c.proposedBy() != null && c.proposedBy() == user.staffId()) {
            throw new BusinessException("approval.error.ownProposal");
        }
        if (!user.has(chain.roleAt(c.stage()))) {
            throw new BusinessException(
                    "approval.error.role", chain.roleAt(c.stage()).name());
        }
        BigDecimal after = c.amount();
        String reason = cmd.reason() == null ? null : cmd.reason().strip();
        if (cmd.kind() != DecisionKind.APPROVE && (reason == null || reason.isEmpty() || reason.length() > 1000)) {
            throw new BusinessException("approval.error.reason");
        }
        Transition t;
        switch (cmd.kind()) {
            case APPROVE -> t = forward(chain, c, after, user);
            case CHANGE_AMOUNT -> {
                after = checkedAmount(cmd.amount(), c.amount());
                t = forward(chain, c, after, user);
            }
            case REFER_BACK -> {
                if (cmd.referTo() == null || !chain.isEarlier(cmd.referTo(), c.stage(), c.amount())) {
                    throw new BusinessException("approval.error.referTo");
                }
                t = new Transition(CaseStatus.IN_CHAIN, cmd.referTo(), c.pass() + 1, c.proposedBy());
            }
            case REJECT -> t = new Transition(CaseStatus.REJECTED, null, c.pass(), c.proposedBy());
            default -> throw new BusinessException("approval.error.kind");
        }
        jdbc.sql("""
                insert into approval_decision (case_id, pass, stage, kind, amount_before, amount_after, refer_to, reason,
                                               decided_by, decided_by_name)
                values (:c, :p, :s, :k, :before, :after, :to, :reason, :by, :name)""")
                .param("c", c.id())
                .param("p", c.pass())
                .param("s", c.stage().name())
                .param("k", cmd.kind().name())
                .param("before", c.amount())
                .param("after", after)
                .param(
                        "to",
                        cmd.kind() == DecisionKind.REFER_BACK ? cmd.referTo().name() : null)
                .param("reason", reason)
                .param("by", user.staffId())
                .param("name", user.name())
                .update();
        boolean internal = t.status() == CaseStatus.APPROVED;
        int changed = jdbc.sql("""
                update approval_case set status = :status, stage = :stage, pass = :pass, amount = :amount,
                       proposed_by = :proposer, approved_on = :on, grantable_from = :from, updated_at = now(),
                       version = version + 1
                 where id = :id and version = :version""")
                .param("status", t.status().name())
                .param("stage", t.stage() == null ? null : t.stage().name())
                .param("pass", t.pass())
                .param("amount", after)
                .param("proposer", t.proposer())
                .param("on", t.stage() == null && t.status() != CaseStatus.REJECTED ? Today.date() : null)
                .param("from", internal ? Today.date() : null)
                .param("id", c.id())
                .param("version", cmd.version())
                .update();
        if (changed != 1) {
            throw BusinessException.conflict("approval.error.stale", c.householdName());
        }
        audit.record(
                "DECIDE_" + cmd.kind().name(),
                "approval_case",
                c.id(),
                c,
                Map.of(
                        "stage",
                        c.stage().name(),
                        "status",
                        t.status().name(),
                        "amount",
                        after,
                        "at",
                        Instant.now().toString()));
        if (internal) {
            events.approved(c.id(), false); // INTERNAL (R27): the amount is never shown to the customer
        }
    }

    /** After an approval (or a changed amount): the next applicable stage, or the end of the chain. */
    private Transition forward(Chain chain, ApprovalCase c, BigDecimal amount, CurrentUser user) {
        Long proposer = c.stage() == chain.first() ? Long.valueOf(user.staffId()) : c.proposedBy();
        return chain.next(c.stage(), amount)
                .map(s -> new Transition(CaseStatus.IN_CHAIN, s.stage(), c.pass(), proposer))
                .orElseGet(() -> {
                    NoticeMode mode = settings.of(c.bankId()).mode();
                    CaseStatus end = mode == NoticeMode.PUBLIC ? CaseStatus.AWAITING_NOTICE : CaseStatus.APPROVED;
                    return new Transition(end, null, c.pass(), proposer);
                });
    }

    private static BigDecimal checkedAmount(BigDecimal amount, BigDecimal current) {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(new BigDecimal("100000000")) >= 0) {
            throw new BusinessException("approval.error.amount");
        }
        BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
        if (scaled.compareTo(current) == 0) {
            throw new BusinessException("approval.error.sameAmount");
        }
        return scaled;
    }

    private record Transition(CaseStatus status, Stage stage, int pass, Long proposer) {}

    static ApprovalCase map(ResultSet rs, int n) throws SQLException {
        long proposer = rs.getLong("proposed_by");
        Long proposedBy = rs.wasNull() ? null : proposer;
        long agg = rs.getLong("aggregation_id");
        Long aggregationId = rs.wasNull() ? null : agg;
        long notice = rs.getLong("notice_id");
        Long noticeId = rs.wasNull() ? null : notice;
        String stage = rs.getString("stage");
        return new ApprovalCase(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                rs.getLong("area_id"),
                rs.getString("area_name"),
                rs.getLong("household_id"),
                rs.getString("household_name"),
                rs.getLong("final_list_id"),
                aggregationId,
                rs.getBigDecimal("proposed_amount"),
                rs.getBigDecimal("amount"),
                rs.getString("grade"),
                CaseStatus.valueOf(rs.getString("status")),
                stage == null ? null : Stage.valueOf(stage),
                rs.getInt("pass"),
                proposedBy,
                rs.getString("proposed_by_name"),
                rs.getObject("approved_on", LocalDate.class),
                noticeId,
                rs.getObject("grantable_from", LocalDate.class),
                rs.getInt("version"));
    }
}
