package sunshine.customer;

import java.util.List;

/**
 * The set-based steps of a filing import. Parameters: {@code :i} the import, {@code :bank}, {@code :scope} (the
 * uploader's branch path prefix), {@code :by} (who commits). Rows arrive as NEW (passed every check of the
 * filing rules) or INVALID; each classifying step narrows NEW down, and rows that need no change stay as they
 * are (a million-row import rewrites as few staged rows as it can).
 */
final class ImportSql {

    private ImportSql() {}

    // the same resident ID twice or more in the file (the reader lists which): every valid copy is refused,
    // naming the rows, also a copy the reader already found unchanged (KnownPeople)
    static final String DUPLICATES = """
            update filing_import_row r set status = 'DUPLICATE', reasons = 'residentId:import.duplicate|' || d.rows_list,
                   customer_id = null
              from (select resident_id, string_agg(row_no::text, ',' order by row_no) as rows_list
                      from filing_import_row where import_id = :i and resident_id = any(string_to_array(:dups, ','))
                     group by resident_id having count(*) > 1) d
             where r.import_id = :i and r.status in ('NEW', 'UNCHANGED') and r.resident_id = d.resident_id""";

    // who is already filed: refused when filed by a part of the bank outside the uploader's scope, when the
    // file makes them the representative of a household that has another, or puts them in another
    // household than theirs; otherwise what would change for them (one pass over the known people)
    // Answers how many rows it classified and how many of those, not refused, name a household key no household
    // has yet (only then can the file merge households, SEVERAL_HOUSEHOLDS).
    static final String KNOWN_PEOPLE = """
            with u as (update filing_import_row r
               set customer_id = x.id,
                   status = case when x.elsewhere or x.representative_change or x.moved then 'CONFLICT'
                                 when x.changed = '' then 'UNCHANGED' else 'CHANGED' end,
                   reasons = case when x.elsewhere then 'residentId:customer.error.filedElsewhere'
                                  when x.representative_change
                                       then 'relationship:import.household.representativeChange|' || r.household_key
                                  when x.moved then 'household:import.household.moved|' || x.household_id end,
                   changed_fields = case when not (x.elsewhere or x.representative_change or x.moved)
                                         then nullif(x.changed, '') end
              from (select r2.row_no, c.id, c.household_id, hk.id is null as key_unknown,
                           b.path not like :scope as elsewhere,
                           coalesce(r2.relationship = 'SELF' and hk.id is not null and hk.representative_id is distinct from c.id, false)
                               as representative_change,
                           coalesce(hk.id <> c.household_id, ch.file_key <> r2.household_key, false) as moved,
                           concat_ws(',',
                        case when c.name <> r2.name then 'name' end,
                        case when c.phone <> r2.phone then 'phone' end,
                        case when c.address <> r2.address then 'address' end,
                        case when c.customer_type <> r2.customer_type then 'type' end,
                        case when r2.occupation is not null and c.occupation is distinct from r2.occupation then 'occupation' end,
                        case when r2.employer is not null and c.employer is distinct from r2.employer then 'employer' end,
                        case when c.residence <> r2.residence then 'residence' end,
                        case when r2.residence = 'NON_LOCAL' and c.business_place is distinct from r2.business_place
                             then 'businessPlace' end,
                        case when c.area_id <> r2.area_id then 'area' end,
                        case when r2.extra is not null and not (c.extra @> r2.extra::jsonb) then 'extra' end) as changed
                      from filing_import_row r2
                      join customer c on c.bank_id = :bank and c.resident_id = r2.resident_id
                      join branch b on b.id = c.branch_id
                      join household ch on ch.id = c.household_id
                      left join household hk on hk.bank_id = :bank and hk.file_key = r2.household_key
                     where r2.import_id = :i and r2.status = 'NEW') x
             where r.import_id = :i and r.row_no = x.row_no
            returning r.status, x.key_unknown)
            select count(*) as known, count(*) filter (where key_unknown and status <> 'CONFLICT') as unknown_keys from u""";

    // a new person named the representative of a household that already has one
    static final String NEW_REPRESENTATIVES = """
            update filing_import_row r set status = 'CONFLICT',
                   reasons = 'relationship:import.household.representativeChange|' || r.household_key
              from household h
             where r.import_id = :i and r.status = 'NEW' and r.customer_id is null and r.relationship = 'SELF'
               and h.bank_id = :bank and h.file_key = r.household_key""";

    // a key no household has yet, given to people who are already in different households: the file would
    // merge them, which is an explicit operation of its own (R8)
    static final String SEVERAL_HOUSEHOLDS = """
            update filing_import_row r set status = 'CONFLICT',
                   reasons = 'household:import.household.several|' || r.household_key || '|' || k.households
              from (select y.household_key, count(distinct c.household_id) as households
                      -- keys no household has first (offset 0 keeps it first): a re-import has none to join
                      from (select x.household_key, x.customer_id from filing_import_row x
                             where x.import_id = :i and x.status in ('CHANGED', 'UNCHANGED')
                               and not exists (select 1 from household h
                                                where h.bank_id = :bank and h.file_key = x.household_key)
                            offset 0) y
                      join customer c on c.id = y.customer_id
                     group by y.household_key having count(distinct c.household_id) > 1) k
             where r.import_id = :i and r.status in ('NEW', 'CHANGED', 'UNCHANGED') and r.household_key = k.household_key""";

    // a new household needs exactly one representative, and all its members in one area
    static final String NEW_HOUSEHOLDS = """
            update filing_import_row r set status = 'CONFLICT',
                   reasons = case when k.areas > 1 then 'household:import.household.areas|' || r.household_key
                             else 'relationship:import.household.representatives|' || r.household_key || '|' || k.selfs end
              from (select household_key, count(*) filter (where relationship = 'SELF') as selfs,
                           count(distinct area_id) as areas
                      from filing_import_row x
                     where import_id = :i and status = 'NEW'
                       and not exists (select 1 from household h where h.bank_id = :bank and h.file_key = x.household_key)
                       and x.household_key not in (select y.household_key from filing_import_row y
                                                    where y.import_id = :i and y.customer_id is not null
                                                      and y.household_key is not null)
                     group by household_key
                    having count(*) filter (where relationship = 'SELF') <> 1 or count(distinct area_id) > 1) k
             where r.import_id = :i and r.status = 'NEW' and r.household_key = k.household_key""";

    /**
     * New people's customer ids: a block of the sequence is taken for the import at once, and a NEW row's id is
     * that block's start plus its row number, so that no staged row is rewritten to carry it.
     */
    static final String RESERVE_IDS = """
            update filing_import f set id_base = (select case when max(row_no) is null then null
                                                  else setval('customer_id_seq', nextval('customer_id_seq') + max(row_no)) - max(row_no) end
                                                    from filing_import_row where import_id = :i and status = 'NEW')
             where f.id = :i""";

    static final List<String> COMMIT = List.of(
            // households filed by hand take the file's key the first time a workbook names them
            """
            update household h set file_key = k.household_key, updated_at = now()
              from (select distinct on (r.household_key) r.household_key, c.household_id
                      from filing_import_row r join customer c on c.id = r.customer_id
                     where r.import_id = :i and r.status in ('CHANGED', 'UNCHANGED')
                     order by r.household_key, r.row_no) k
             where h.id = k.household_id and h.file_key is null
               and not exists (select 1 from household x where x.bank_id = :bank and x.file_key = k.household_key)""",
            // a new household has exactly one new representative (checked when classifying)
            """
            insert into household (bank_id, branch_id, area_id, file_key, representative_id)
            select :bank, r.branch_id, r.area_id, r.household_key, :base + r.row_no
              from filing_import_row r
             where r.import_id = :i and r.status = 'NEW' and r.relationship = 'SELF'
               and not exists (select 1 from household h where h.bank_id = :bank and h.file_key = r.household_key)""",
            """
            insert into customer (id, bank_id, branch_id, area_id, household_id, relationship, resident_id, name, gender,
                   birth_date, phone, address, customer_type, occupation, employer, residence, business_place,
                   data_source, extra, name_keys, created_by, updated_by)
            select :base + r.row_no, :bank, r.branch_id, r.area_id, h.id, r.relationship, r.resident_id, r.name, r.gender,
                   r.birth_date,
                   r.phone, r.address, r.customer_type, r.occupation, r.employer, r.residence,
                   case when r.residence = 'NON_LOCAL' then r.business_place end, 'IMPORT',
                   coalesce(r.extra::jsonb, '{}'::jsonb), r.name_keys, :by, :by
              from filing_import_row r join household h on h.bank_id = :bank and h.file_key = r.household_key
             where r.import_id = :i and r.status = 'NEW'""",

            // history first: it needs the old values
            """
            insert into customer_history (bank_id, customer_id, field, old_value, new_value, changed_by, source)
            select :bank, c.id, f.field, f.old_value, f.new_value, :by, 'IMPORT'
              from filing_import_row r join customer c on c.id = r.customer_id
             cross join lateral (values ('name', c.name, r.name), ('phone', c.phone, r.phone),
                   ('address', c.address, r.address), ('type', c.customer_type, r.customer_type),
                   ('occupation', c.occupation, r.occupation), ('employer', c.employer, r.employer),
                   ('residence', c.residence, r.residence), ('businessPlace', c.business_place, r.business_place),
                   ('area', c.area_id::text, r.area_id::text),
                   ('extra', c.extra::text, (c.extra || coalesce(r.extra::jsonb, '{}'::jsonb))::text))
                   as f(field, old_value, new_value)
             where r.import_id = :i and r.status = 'CHANGED' and f.field = any(string_to_array(r.changed_fields, ','))""",
            """
            update customer c
               set name = r.name, phone = r.phone, address = r.address, customer_type = r.customer_type,
                   occupation = coalesce(r.occupation, c.occupation), employer = coalesce(r.employer, c.employer),
                   residence = r.residence,
                   business_place = case when r.residence = 'NON_LOCAL' then coalesce(r.business_place, c.business_place) end,
                   area_id = r.area_id, branch_id = r.branch_id,
                   extra = c.extra || coalesce(r.extra::jsonb, '{}'::jsonb), name_keys = r.name_keys,
                   updated_by = :by, updated_at = now(), version = c.version + 1
              from filing_import_row r
             where r.import_id = :i and r.status = 'CHANGED' and c.id = r.customer_id""");
}
