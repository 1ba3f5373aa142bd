package sunshine.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;

/**
 * Loads villages and communities from an official division-code CSV (the {@code china-division} package's
 * {@code villages.csv}: {@code code,name,streetCode,provinceCode,cityCode,areaCode}), keeping the rows of one
 * county, into a branch (R2). Loading the same file again changes nothing; an area already known keeps its
 * branch and figures, only an official rename is applied.
 */
@Service
public class DivisionCodeLoader {

    static final List<String> VILLAGE_HEADER =
            List.of("code", "name", "streetCode", "provinceCode", "cityCode", "areaCode");

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;

    DivisionCodeLoader(JdbcClient jdbc, DataScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * @param villages the villages CSV
     * @param streets optional townships CSV ({@code code,name,areaCode,...}); without it the names shipped for
     *     the county are used where there are any
     * @param townshipCode optional 9-digit township code: load only its villages
     */
    @Transactional
    public DivisionImport load(
            InputStream villages, InputStream streets, String countyCode, String townshipCode, long branchId) {
        if (countyCode == null || !countyCode.matches("\\d{6}")) {
            throw new BusinessException("division.error.county");
        }
        if (townshipCode != null && !townshipCode.isBlank() && !townshipCode.matches(countyCode + "\\d{3}")) {
            throw new BusinessException("division.error.township", townshipCode);
        }
        scope.requireBranch(branchId);
        long bankId = scope.user().bankId();
        Map<String, String> townships =
                streets != null ? readTownships(streets, countyCode) : shippedTownships(countyCode);

        List<String[]> rows = new ArrayList<>();
        List<DivisionImport.RowError> errors = new ArrayList<>();
        int read = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(villages, StandardCharsets.UTF_8))) {
            String header = stripBom(in.readLine());
            if (header == null || !Csv.split(header).equals(VILLAGE_HEADER)) {
                throw new BusinessException("division.error.header", String.join(",", VILLAGE_HEADER));
            }
            Map<String, Integer> seen = new HashMap<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                read++;
                List<String> f = Csv.split(line);
                if (f.size() != VILLAGE_HEADER.size()) {
                    errors.add(new DivisionImport.RowError(lineNo, "division.row.columns", line));
                    continue;
                }
                String code = f.get(0).trim();
                if (!countyCode.equals(f.get(5).trim()) && !code.startsWith(countyCode)) {
                    continue;
                }
                if (!code.matches("\\d{12}") || !code.startsWith(countyCode)) {
                    errors.add(new DivisionImport.RowError(lineNo, "division.row.code", code));
                } else if (f.get(1).isBlank()) {
                    errors.add(new DivisionImport.RowError(lineNo, "division.row.name", code));
                } else if (seen.putIfAbsent(code, lineNo) != null) {
                    errors.add(new DivisionImport.RowError(lineNo, "division.row.duplicate", code));
                } else if (townshipCode == null || townshipCode.isBlank() || code.startsWith(townshipCode)) {
                    rows.add(new String[] {code, f.get(1).trim()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        int added = 0;
        int renamed = 0;
        for (String[] row : rows) {
            String code = row[0];
            String township = code.substring(0, 9);
            String result = jdbc.sql("""
                    insert into area (bank_id, branch_id, kind, division_code, township_code, township_name, name)
                    values (:bank, :branch, :kind, :code, :township, :townshipName, :name)
                    on conflict (bank_id, division_code) do update
                       set name = excluded.name,
                           township_name = coalesce(excluded.township_name, area.township_name),
                           version = area.version + 1, updated_at = now()
                     where area.name is distinct from excluded.name
                        or (excluded.township_name is not null and area.township_name is distinct from excluded.township_name)
                    returning case when xmax = 0 then 'I' else 'U' end""")
                    .param("bank", bankId)
                    .param("branch", branchId)
                    .param("kind", kindOf(code, row[1]).name())
                    .param("code", code)
                    .param("township", township)
                    .param("townshipName", townships.get(township))
                    .param("name", shortName(row[1]))
                    .query(String.class)
                    .optional()
                    .orElse("-");
            if (result.equals("I")) {
                added++;
            } else if (result.equals("U")) {
                renamed++;
            }
        }
        DivisionImport outcome = new DivisionImport(
                countyCode,
                read,
                rows.size() + errors.size(),
                added,
                renamed,
                rows.size() - added - renamed,
                List.copyOf(errors));
        if (added + renamed > 0) {
            audit.record(
                    "IMPORT_DIVISIONS",
                    "area",
                    countyCode,
                    null,
                    Map.of(
                            "branchId",
                            branchId,
                            "added",
                            added,
                            "renamed",
                            renamed,
                            "unchanged",
                            outcome.unchanged(),
                            "refused",
                            errors.size()));
        }
        return outcome;
    }

    /** Official names end in 村民委员会 / 社区居民委员会; the platform shows the short form people use. */
    static String shortName(String official) {
        String n = official.trim();
        if (n.endsWith("社区居民委员会")) {
            return n.substring(0, n.length() - "居民委员会".length());
        }
        if (n.endsWith("村村民委员会")) {
            return n.substring(0, n.length() - "村民委员会".length());
        }
        if (n.endsWith("村民委员会")) {
            return n.substring(0, n.length() - "民委员会".length());
        }
        if (n.endsWith("居民委员会")) {
            return n.substring(0, n.length() - "民委员会".length()) + "委会";
        }
        return n;
    }

    /** Urban-rural codes: the last three digits 001-199 are residents' committees, 200-399 villagers' committees. */
    static AreaKind kindOf(String code, String name) {
        if (name.contains("村民委员会") || name.endsWith("村")) {
            return AreaKind.VILLAGE;
        }
        if (name.contains("居民委员会") || name.contains("社区")) {
            return AreaKind.COMMUNITY;
        }
        return Integer.parseInt(code.substring(9)) < 200 ? AreaKind.COMMUNITY : AreaKind.VILLAGE;
    }

    static Map<String, String> readTownships(InputStream streets, String countyCode) {
        Map<String, String> names = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(streets, StandardCharsets.UTF_8))) {
            String header = stripBom(in.readLine());
            if (header == null || !Csv.split(header).subList(0, 2).equals(List.of("code", "name"))) {
                throw new BusinessException("division.error.streetsHeader");
            }
            String line;
            while ((line = in.readLine()) != null) {
                List<String> f = Csv.split(line);
                if (f.size() >= 2
                        && f.get(0).startsWith(countyCode)
                        && f.get(0).trim().length() == 9) {
                    names.put(f.get(0).trim(), f.get(1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Township names shipped with the platform (the demo county), or none. */
    static Map<String, String> shippedTownships(String countyCode) {
        ClassPathResource res = new ClassPathResource("data/divisions/" + countyCode + "-streets.csv");
        if (!res.exists()) {
            return Map.of();
        }
        try (InputStream in = res.getInputStream()) {
            return readTownships(in, countyCode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripBom(String s) {
        return s != null && s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
