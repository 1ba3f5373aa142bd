package sunshine.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The people a bank has already filed within the uploader's scope, each as a digest of what a workbook row can
 * say about them, so that the reader can tell an unchanged person from the row alone and stage them UNCHANGED at
 * once: a re-import of a million known people then rewrites no staged row and joins nothing in the database.
 *
 * <p>The digest is SHA-256 (first 128 bits) of the filed fields a row is compared on ({@code
 * ImportSql.KNOWN_PEOPLE}): name, phone, address, customer type, occupation, employer, residence, business
 * place, area, the template's extra fields, the household's key, and whether the person represents it. It is
 * a fast path only: equal digests mean equal values, hence exactly what {@code KNOWN_PEOPLE} would call
 * UNCHANGED (no change, no conflict); any difference at all (a changed field, but also a value filed by hand
 * in another spelling) leaves the row NEW, and {@code KNOWN_PEOPLE} judges it field by field as before.
 * People filed outside the uploader's scope are not loaded, so their rows too go the long way (and are
 * refused there).
 *
 * <p>Held as open-addressing arrays: a million people in about 100 MB at most while growing, 64 MB settled.
 */
final class KnownPeople {

    /** Separates the fields in the digested text; a value holding it (or {@link #NULL}) is never digested. */
    private static final char SEP = '\u001f';

    /** Stands for a null; any other value is digested after a {@code =}, so that no value looks like a null. */
    private static final char NULL = '\u001e';

    /**
     * The same text and digest in SQL, per filed person: must match {@link #digest} character for character
     * ({@code KnownPeopleTest} checks both sides on the same people).
     */
    static final String SQL = """
            select c.resident_id, c.id,
                   substr(sha256(convert_to(concat_ws(E'\\x1f',
                          coalesce('=' || c.name, E'\\x1e'), coalesce('=' || c.phone, E'\\x1e'),
                          coalesce('=' || c.address, E'\\x1e'), coalesce('=' || c.customer_type, E'\\x1e'),
                          coalesce('=' || c.occupation, E'\\x1e'), coalesce('=' || c.employer, E'\\x1e'),
                          coalesce('=' || c.residence, E'\\x1e'), coalesce('=' || c.business_place, E'\\x1e'),
                          coalesce('=' || c.area_id::text, E'\\x1e'), coalesce('=' || c.extra::text, E'\\x1e'),
                          coalesce('=' || h.file_key, E'\\x1e'),
                          case when h.representative_id = c.id then '=R' else '=-' end), 'UTF8')), 1, 16)
              from customer c
              join branch b on b.id = c.branch_id
              left join household h on h.id = c.household_id
             where c.bank_id = ? and b.path like ?""";

    /** What a checked workbook row says about a person, as staged. */
    record Filed(
            String name,
            String phone,
            String address,
            CustomerType type,
            String occupation,
            String employer,
            Residence residence,
            String businessPlace,
            long areaId,
            Map<String, String> extra,
            String householdKey,
            Relationship relationship) {}

    private long[] keys = new long[1 << 12];
    private long[] ids = new long[1 << 12];
    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private int size;
    private long matched;
    private final MessageDigest sha = sha256();

    /** Loads the people filed in {@code bankId} by branches whose path starts with {@code scopePath}. */
    static KnownPeople load(Connection connection, long bankId, String scopePath) throws SQLException {
        KnownPeople known = new KnownPeople();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // a cursor: fetched in slices, not all at once
        try (PreparedStatement st = connection.prepareStatement(SQL)) {
            st.setFetchSize(20_000);
            // prepared on the server at once: the rows then come binary (no hex text of each digest to decode)
            st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            st.setLong(1, bankId);
            st.setString(2, scopePath + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long key = key(rs.getString(1));
                    byte[] d = rs.getBytes(3);
                    if (key != 0 && d != null && d.length == 16) {
                        known.put(key, rs.getLong(2), longAt(d, 0), longAt(d, 8));
                    }
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return known;
    }

    int size() {
        return size;
    }

    /** Rows found unchanged so far. */
    long matched() {
        return matched;
    }

    /**
     * The customer id of the filed person with this (valid, 18-character) resident ID when the row's values are
     * exactly theirs, that is when the row would change nothing for them; 0 otherwise. One thread at a time.
     */
    long unchanged(String residentId, Filed row) {
        long key = key(residentId);
        if (key == 0 || size == 0) {
            return 0;
        }
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return 0; // not filed (in scope): a new person
            }
            i = (i + 1) & mask;
        }
        long[] d = digest(sha, row);
        if (d == null || high[i] != d[0] || low[i] != d[1]) {
            return 0;
        }
        matched++;
        return ids[i];
    }

    /**
     * The digest of a checked row, as the filed person would have it when the row changes nothing for them;
     * null when a value holds one of the separator characters (such a row goes the long way).
     */
    static long[] digest(MessageDigest sha, Filed row) {
        StringBuilder text = new StringBuilder(256);
        if (!add(text, row.name())
                || !add(text, row.phone())
                || !add(text, row.address())
                || !add(text, row.type() == null ? null : row.type().name())
                || !add(text, row.occupation())
                || !add(text, row.employer())
                || !add(text, row.residence() == null ? null : row.residence().name())
                || !add(text, row.residence() == Residence.NON_LOCAL ? row.businessPlace() : null)
                || !add(text, String.valueOf(row.areaId()))
                || !add(text, jsonbText(row.extra()))
                || !add(text, row.householdKey())) {
            return null;
        }
        text.append(SEP).append(row.relationship() == Relationship.SELF ? "=R" : "=-");
        sha.reset();
        byte[] d = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return new long[] {longAt(d, 0), longAt(d, 8)};
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean add(StringBuilder text, String value) {
        if (!text.isEmpty()) {
            text.append(SEP);
        }
        if (value == null) {
            text.append(NULL);
            return true;
        }
        if (value.indexOf(SEP) >= 0 || value.indexOf(NULL) >= 0 || value.indexOf('\0') >= 0) {
            return false;
        }
        text.append('=').append(value);
        return true;
    }

    /**
     * A map of texts as PostgreSQL prints it as jsonb (also how the reader stages the extra fields): keys shorter first, then by their UTF-8 bytes; ": " and
     * ", " between; quotes, backslashes and control characters escaped as jsonb does.
     */
    static String jsonbText(Map<String, String> extra) {
        List<String> keys = new ArrayList<>(extra.keySet());
        keys.sort((a, b) -> {
            byte[] x = a.getBytes(StandardCharsets.UTF_8);
            byte[] y = b.getBytes(StandardCharsets.UTF_8);
            return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
        });
        StringBuilder sb = new StringBuilder("{");
        for (String k : keys) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            quote(sb, k);
            sb.append(": ");
            quote(sb, extra.get(k));
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** An 18-character resident ID as a number: 17 digits times 11 plus the check character, plus 1; 0 if not one. */
    static long key(String residentId) {
        if (residentId == null || residentId.length() != 18) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < 17; i++) {
            char ch = residentId.charAt(i);
            if (ch < '0' || ch > '9') {
                return 0;
            }
            n = n * 10 + (ch - '0');
        }
        char last = residentId.charAt(17);
        int check = last == 'X' ? 10 : last >= '0' && last <= '9' ? last - '0' : -1;
        return check < 0 ? 0 : n * 11 + check + 1;
    }

    private void put(long key, long id, long h, long l) {
        if (size * 2 >= keys.length) {
            grow();
        }
        if (insert(keys, ids, high, low, key, id, h, l)) {
            size++;
        }
    }

    private static boolean insert(long[] keys, long[] ids, long[] high, long[] low, long key, long id, long h, long l) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return false; // unique per bank: cannot happen
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        ids[i] = id;
        high[i] = h;
        low[i] = l;
        return true;
    }

    private void grow() {
        int n = keys.length * 2;
        long[] k = new long[n];
        long[] d = new long[n];
        long[] h = new long[n];
        long[] l = new long[n];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                insert(k, d, h, l, keys[i], ids[i], high[i], low[i]);
            }
        }
        keys = k;
        ids = d;
        high = h;
        low = l;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private static long longAt(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
