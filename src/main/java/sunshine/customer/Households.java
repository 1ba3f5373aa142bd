package sunshine.customer;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;

/**
 * Households (R8): every customer belongs to one; each has exactly one credit representative. Moving a person
 * and merging two households are explicit operations, kept in the household history and the audit log.
 */
@Service
public class Households {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Customers customers;

    Households(JdbcClient jdbc, DataScope scope, AuditLog audit, Customers customers) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public Household get(long id) {
        customers.requireHousehold(id);
        var head = jdbc.sql("select h.area_id, a.name, h.representative_id, h.version from household h"
                        + " join area a on a.id = h.area_id where h.id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getInt(4)})
                .single();
        List<Household.Member> members = jdbc.sql("""
                select c.id, c.name, c.relationship, c.resident_id, c.excluded from customer c
                 where c.household_id = :id order by (c.relationship = 'SELF') desc, c.birth_date""")
                .param("id", id)
                .query((rs, n) -> new Household.Member(
                        rs.getLong(1),
                        rs.getString(2),
                        Relationship.valueOf(rs.getString(3)),
                        Masking.residentId(rs.getString(4)),
                        rs.getBoolean(5)))
                .list();
        return new Household(id, (Long) head[0], (String) head[1], (Long) head[2], members, (Integer) head[3]);
    }

    /**
     * The household of a filed person of the caller's bank, found by their resident ID; empty when the person is
     * not filed. Used to flag a panel member's own household (R13). Answers with an id only.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> householdOfResident(String residentId) {
        if (residentId == null || residentId.isBlank()) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select household_id from customer where bank_id = :b and resident_id = :r")
                .param("b", scope.user().bankId())
                .param("r", residentId.trim().toUpperCase(java.util.Locale.ROOT))
                .query(Long.class)
                .optional();
    }

    /** Makes another member the credit representative; the former one becomes a member with the given relationship. */
    @Transactional
    public Household setRepresentative(long householdId, long customerId, Relationship formerRelationship) {
        Household h = get(householdId);
        requireMember(h, customerId);
        if (formerRelationship == null || formerRelationship == Relationship.SELF) {
            throw new BusinessException("household.error.relationshipRequired");
        }
        if (h.representativeId() != null && h.representativeId() != customerId) {
            setRelationship(h.representativeId(), formerRelationship);
        }
        setRelationship(customerId, Relationship.SELF);
        jdbc.sql("update household set representative_id = :c, version = version + 1, updated_at = now() where id = :h")
                .param("c", customerId)
                .param("h", householdId)
                .update();
        customers.householdHistory(householdId, "REPRESENTATIVE", customerId, null);
        audit.record(
                "SET_REPRESENTATIVE",
                "household",
                householdId,
                Map.of("representative", String.valueOf(h.representativeId())),
                Map.of("representative", customerId));
        return get(householdId);
    }

    /**
     * Moves a person into another household with their relationship there. A representative can move only
     * when they are alone, or when {@code newRepresentativeId} names who represents the household they leave.
     */
    @Transactional
    public Household move(
            long customerId, long targetHouseholdId, Relationship relationship, Long newRepresentativeId) {
        Customer c = customers.get(customerId);
        Household from = get(c.householdId());
        Household to = get(targetHouseholdId);
        if (from.id() == to.id()) {
            throw new BusinessException("household.error.sameHousehold");
        }
        if (relationship == null || relationship == Relationship.SELF) {
            throw new BusinessException("household.error.relationshipRequired");
        }
        boolean wasRepresentative = from.representativeId() != null && from.representativeId() == customerId;
        boolean othersStay = from.members().size() > 1;
        if (wasRepresentative && othersStay) {
            if (newRepresentativeId == null || newRepresentativeId == customerId) {
                throw new BusinessException("household.error.newRepresentativeRequired");
            }
            requireMember(from, newRepresentativeId);
        }
        jdbc.sql("update customer set household_id = :h, relationship = :r, version = version + 1, updated_at = now()"
                        + " where id = :c")
                .param("h", to.id())
                .param("r", relationship.name())
                .param("c", customerId)
                .update();
        if (wasRepresentative && othersStay) {
            setRelationship(newRepresentativeId, Relationship.SELF);
            representative(from.id(), newRepresentativeId);
        } else if (!othersStay) {
            dissolve(from.id());
        }
        customers.householdHistory(from.id(), "MEMBER_LEFT", customerId, "→ " + to.id());
        customers.householdHistory(to.id(), "MEMBER_JOINED", customerId, relationship.name());
        customers.history(
                customerId, "household", String.valueOf(from.id()), String.valueOf(to.id()), DataSource.MANUAL);
        audit.record(
                "MOVE_MEMBER",
                "customer",
                customerId,
                Map.of("household", from.id()),
                Map.of("household", to.id(), "relationship", relationship.name()));
        return get(to.id());
    }

    /** Merges one household into another: all its members join the target, it is dissolved. */
    @Transactional
    public Household merge(long sourceId, long targetId, Relationship formerRepresentativeRelationship) {
        Household source = get(sourceId);
        Household target = get(targetId);
        if (source.id() == target.id()) {
            throw new BusinessException("household.error.sameHousehold");
        }
        if (formerRepresentativeRelationship == null || formerRepresentativeRelationship == Relationship.SELF) {
            throw new BusinessException("household.error.relationshipRequired");
        }
        for (Household.Member m : source.members()) {
            Relationship r =
                    m.relationship() == Relationship.SELF ? formerRepresentativeRelationship : Relationship.OTHER;
            jdbc.sql(
                            "update customer set household_id = :h, relationship = :r, version = version + 1, updated_at = now()"
                                    + " where id = :c")
                    .param("h", target.id())
                    .param("r", r.name())
                    .param("c", m.customerId())
                    .update();
            customers.householdHistory(target.id(), "MEMBER_JOINED", m.customerId(), "merge " + source.id());
            customers.history(
                    m.customerId(),
                    "household",
                    String.valueOf(source.id()),
                    String.valueOf(target.id()),
                    DataSource.MANUAL);
        }
        dissolve(source.id());
        customers.householdHistory(source.id(), "MERGED_INTO", null, String.valueOf(target.id()));
        audit.record(
                "MERGE",
                "household",
                source.id(),
                Map.of("members", source.members().size()),
                Map.of("into", target.id()));
        return get(target.id());
    }

    private void dissolve(long householdId) {
        jdbc.sql("update household set active = false, representative_id = null, version = version + 1,"
                        + " updated_at = now() where id = :h")
                .param("h", householdId)
                .update();
    }

    private void representative(long householdId, long customerId) {
        jdbc.sql("update household set representative_id = :c, version = version + 1, updated_at = now() where id = :h")
                .param("c", customerId)
                .param("h", householdId)
                .update();
    }

    private void setRelationship(long customerId, Relationship r) {
        jdbc.sql("update customer set relationship = :r where id = :c")
                .param("r", r.name())
                .param("c", customerId)
                .update();
    }

    private static void requireMember(Household h, long customerId) {
        if (h.members().stream().noneMatch(m -> m.customerId() == customerId)) {
            throw new BusinessException("household.error.notAMember");
        }
    }
}
