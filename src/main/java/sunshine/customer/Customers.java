package sunshine.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filing one person at a time (R4-R6, R8): a new resident ID opens a file (and a household when none is
 * given); a known one refreshes the existing file, keeping every change as history (field, old, new, who,
 * when). The resident ID is unique within a bank.
 */
@Service
public class Customers {

    static final String SELECT = """
            select c.*, a.name as area_name, (h.representative_id = c.id) as representative
              from customer c join branch b on b.id = c.branch_id join area a on a.id = c.area_id
              join household h on h.id = c.household_id
            """;

    /** What filing did: the file, whether it is new, and which fields changed. */
    public record Outcome(Customer customer, boolean created, List<String> changedFields) {}

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Areas areas;
    private final FilingFields fields;
    private final JsonMapper json;

    Customers(JdbcClient jdbc, DataScope scope, AuditLog audit, Areas areas, FilingFields fields, JsonMapper json) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.areas = areas;
        this.fields = fields;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Customer get(long id) {
        return find(id).orElseThrow(() -> scope.notFound("customer", "customer", id));
    }

    Optional<Customer> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The full, unmasked file: allowed to roles that work with customers, and written to the audit log. */
    @Transactional
    public Customer unmask(long id) {
        Customer c = get(id);
        audit.record("UNMASK", "customer", id, null, Map.of("name", c.name()));
        return c;
    }

    @Transactional
    public Outcome file(FilingCommand cmd, DataSource source) {
        List<FieldProblem> problems =
                FilingRules.check(cmd, fields.of(scope.user().bankId()));
        if (!problems.isEmpty()) {
            throw new FilingRejected(problems);
        }
        Area area = areas.get(cmd.areaId());
        ResidentId id = ResidentId.parse(cmd.residentId()).id();
        CurrentUser user = scope.user();
        Optional<Long> existing = jdbc.sql("select id from customer where bank_id = :b and resident_id = :r")
                .param("b", user.bankId())
                .param("r", id.value())
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            if (find(existing.get()).isEmpty()) {
                scope.denied("customer", existing.get());
                throw new BusinessException("customer.error.filedElsewhere");
            }
            return refile(existing.get(), cmd, id, area, source);
        }
        return create(cmd, id, area, source);
    }

    /**
     * R18: a correction of the credit representative's phone and/or address written in a review booklet, re-filed
     * through the filing rules (refused with {@link FilingRejected} like any filing) and kept as history with source
     * BOOKLET. A null or blank value keeps what the file has. 404 when the household is outside the caller's scope.
     */
    @Transactional
    public Outcome correctContact(long householdId, String phone, String address) {
        Long representative = jdbc.sql("select h.representative_id from household h join branch b on b.id = h.branch_id"
                        + " where h.id = :h and " + scope.condition("b"))
                .params(scope.params())
                .param("h", householdId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> scope.notFound("household", "household", householdId));
        Customer c = get(representative);
        return file(
                new FilingCommand(
                        c.areaId(),
                        c.name(),
                        c.residentId(),
                        null,
                        null,
                        phone == null || phone.isBlank() ? c.phone() : phone.strip(),
                        address == null || address.isBlank() ? c.address() : address.strip(),
                        c.customerType(),
                        c.occupation(),
                        c.employer(),
                        c.residence(),
                        c.businessPlace(),
                        c.householdId(),
                        c.relationship(),
                        c.extra()),
                DataSource.BOOKLET);
    }

    private Outcome create(FilingCommand cmd, ResidentId id, Area area, DataSource source) {
        CurrentUser user = scope.user();
        Long householdId = cmd.householdId();
        Relationship relationship = cmd.relationship();
        boolean newHousehold = householdId == null;
        if (newHousehold) {
            householdId = jdbc.sql(
                            "insert into household (bank_id, branch_id, area_id) values (:b, :br, :a) returning id")
                    .param("b", user.bankId())
                    .param("br", area.branchId())
                    .param("a", area.id())
                    .query(Long.class)
                    .single();
            relationship = Relationship.SELF;
        } else {
            requireHousehold(householdId);
            if (relationship == null || relationship == Relationship.SELF) {
                throw new BusinessException("household.error.relationshipRequired");
            }
        }
        long customerId = jdbc.sql("""
                insert into customer (bank_id, branch_id, area_id, household_id, relationship, resident_id, name, gender,
                       birth_date, phone, address, customer_type, occupation, employer, residence, business_place,
                       data_source, extra, name_keys, created_by, updated_by)
                values (:bank, :branch, :area, :household, :rel, :rid, :name, :gender, :birth, :phone, :address, :type,
                        :occupation, :employer, :residence, :businessPlace, :source, cast(:extra as jsonb), :keys, :by, :by)
                returning id""")
                .params(values(cmd, id))
                .param("bank", user.bankId())
                .param("branch", area.branchId())
                .param("area", area.id())
                .param("household", householdId)
                .param("rel", relationship.name())
                .param("source", source.name())
                .param("by", user.staffId())
                .query(Long.class)
                .single();
        if (newHousehold) {
            jdbc.sql("update household set representative_id = :c where id = :h")
                    .param("c", customerId)
                    .param("h", householdId)
                    .update();
        }
        history(customerId, "*", null, "filed", source);
        householdHistory(householdId, newHousehold ? "CREATED" : "MEMBER_ADDED", customerId, relationship.name());
        Customer created = get(customerId);
        audit.record("FILE", "customer", customerId, null, created.masked());
        return new Outcome(created, true, List.of());
    }

    private Outcome refile(long customerId, FilingCommand cmd, ResidentId id, Area area, DataSource source) {
        Customer before = get(customerId);
        Map<String, Object> next = values(cmd, id);
        Map<String, Object> now = fieldsOf(before);
        // re-filing refreshes what is given; an optional field left blank keeps what the file knows
        for (String optional : List.of("occupation", "employer")) {
            next.putIfAbsent(optional, now.get(optional)); // replaces a null too
        }
        if (cmd.residence() == Residence.NON_LOCAL && next.get("businessPlace") == null) {
            next.put("businessPlace", now.get("businessPlace"));
        }
        Map<String, String> extra = new java.util.TreeMap<>(before.extra());
        cmd.extra().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                extra.put(k, v.strip());
            }
        });
        next.put("extra", json.writeValueAsString(extra));
        List<String> changed = new ArrayList<>();
        for (String field : CHANGEABLE) {
            if (!Objects.equals(str(now.get(field)), str(next.get(field)))) {
                changed.add(field);
            }
        }
        boolean areaChanged = before.areaId() != area.id();
        if (areaChanged) {
            changed.add("area");
        }
        if (changed.isEmpty()) {
            return new Outcome(before, false, List.of());
        }
        jdbc.sql("""
                update customer set name = :name, gender = :gender, birth_date = :birth, phone = :phone, address = :address,
                       customer_type = :type, occupation = :occupation, employer = :employer, residence = :residence,
                       business_place = :businessPlace, extra = cast(:extra as jsonb), name_keys = :keys,
                       area_id = :area, branch_id = :branch, updated_by = :by, updated_at = now(), version = version + 1
                 where id = :id""")
                .params(next)
                .param("area", area.id())
                .param("branch", area.branchId())
                .param("by", scope.user().staffId())
                .param("id", customerId)
                .update();
        for (String field : changed) {
            if (field.equals("area")) {
                history(customerId, "area", before.areaName(), area.name(), source);
            } else {
                history(customerId, field, str(now.get(field)), str(next.get(field)), source);
            }
        }
        Customer after = get(customerId);
        audit.record("REFILE", "customer", customerId, before.masked(), after.masked());
        return new Outcome(after, false, changed);
    }

    static final List<String> CHANGEABLE = List.of(
            "name", "phone", "address", "type", "occupation", "employer", "residence", "businessPlace", "extra");

    private Map<String, Object> values(FilingCommand cmd, ResidentId id) {
        Map<String, Object> v = new HashMap<>();
        v.put("rid", id.value());
        v.put("name", cmd.name().strip());
        v.put("gender", String.valueOf(id.gender()));
        v.put("birth", id.birthDate());
        v.put("phone", cmd.phone().strip());
        v.put("address", cmd.address().strip());
        v.put("type", cmd.customerType().name());
        v.put("occupation", trimToNull(cmd.occupation()));
        v.put("employer", trimToNull(cmd.employer()));
        v.put("residence", cmd.residence().name());
        v.put("businessPlace", cmd.residence() == Residence.NON_LOCAL ? trimToNull(cmd.businessPlace()) : null);
        v.put("extra", json.writeValueAsString(new java.util.TreeMap<>(cmd.extra())));
        v.put("keys", PinyinKeys.of(cmd.name()));
        return v;
    }

    private Map<String, Object> fieldsOf(Customer c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", c.name());
        v.put("phone", c.phone());
        v.put("address", c.address());
        v.put("type", c.customerType().name());
        v.put("occupation", c.occupation());
        v.put("employer", c.employer());
        v.put("residence", c.residence().name());
        v.put("businessPlace", c.businessPlace());
        v.put("extra", json.writeValueAsString(new java.util.TreeMap<>(c.extra())));
        return v;
    }

    void requireHousehold(long householdId) {
        boolean visible = jdbc.sql("select exists(select 1 from household h join branch b on b.id = h.branch_id"
                        + " where h.id = :h and h.active and " + scope.condition("b") + ")")
                .params(scope.params())
                .param("h", householdId)
                .query(Boolean.class)
                .single();
        if (!visible) {
            throw scope.notFound("household", "household", householdId);
        }
    }

    void history(long customerId, String field, String oldValue, String newValue, DataSource source) {
        jdbc.sql("""
                insert into customer_history (bank_id, customer_id, field, old_value, new_value, changed_by, source)
                values (:b, :c, :f, :o, :n, :by, :s)""")
                .param("b", scope.user().bankId())
                .param("c", customerId)
                .param("f", field)
                .param("o", oldValue)
                .param("n", newValue)
                .param("by", scope.user().staffId())
                .param("s", source.name())
                .update();
    }

    void householdHistory(long householdId, String action, Long customerId, String detail) {
        jdbc.sql("""
                insert into household_history (bank_id, household_id, action, customer_id, detail, changed_by)
                values (:b, :h, :a, :c, :d, :by)""")
                .param("b", scope.user().bankId())
                .param("h", householdId)
                .param("a", action)
                .param("c", customerId)
                .param("d", detail)
                .param("by", scope.user().staffId())
                .update();
    }

    /** One change of a file. */
    public record Change(
            String field, String oldValue, String newValue, String by, java.time.Instant at, String source) {}

    @Transactional(readOnly = true)
    public List<Change> history(long customerId) {
        get(customerId);
        return jdbc.sql("""
                select h.field, h.old_value, h.new_value, coalesce(s.name, '系统'), h.changed_at, h.source
                  from customer_history h left join staff s on s.id = h.changed_by
                 where h.customer_id = :c order by h.changed_at desc, h.id desc""")
                .param("c", customerId)
                .query((rs, n) -> new Change(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .list();
    }

    Customer map(ResultSet rs, int n) throws SQLException {
        Map<String, String> extra = json.readValue(rs.getString("extra"), new TypeReference<Map<String, String>>() {});
        return new Customer(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getLong("area_id"),
                rs.getString("area_name"),
                rs.getLong("household_id"),
                rs.getBoolean("representative"),
                Relationship.valueOf(rs.getString("relationship")),
                rs.getString("resident_id"),
                rs.getString("name"),
                rs.getString("gender").charAt(0),
                rs.getDate("birth_date").toLocalDate(),
                rs.getString("phone"),
                rs.getString("address"),
                CustomerType.valueOf(rs.getString("customer_type")),
                rs.getString("occupation"),
                rs.getString("employer"),
                Residence.valueOf(rs.getString("residence")),
                rs.getString("business_place"),
                DataSource.valueOf(rs.getString("data_source")),
                extra,
                rs.getBoolean("excluded"),
                rs.getInt("version"));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
