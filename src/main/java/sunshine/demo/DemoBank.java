package sunshine.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.access.Accounts;
import sunshine.customer.FilingImport;
import sunshine.customer.FilingImports;
import sunshine.organisation.Area;
import sunshine.organisation.AreaCommand;
import sunshine.organisation.AreaKind;
import sunshine.organisation.Areas;
import sunshine.organisation.Bank;
import sunshine.organisation.Banks;
import sunshine.organisation.Branch;
import sunshine.organisation.BranchCommand;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.organisation.Department;
import sunshine.organisation.DivisionCodeLoader;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffCommand;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.CurrentUser;
import sunshine.shared.PageResult;
import sunshine.shared.Role;

/**
 * Builds the demo banks through the same services that people use, acting as each bank's administrator.
 * Everything is generated from a fixed seed, so every start builds the same banks.
 */
@Service
public class DemoBank {

    public static final String PASSWORD = "Sunshine2026";
    public static final String COUNTY = "370114";

    private static final Logger log = LoggerFactory.getLogger(DemoBank.class);
    private static final String SURNAMES =
            "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文单";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华玉兰志强海燕红梅国庆春生德福宝山";

    private final Banks banks;
    private final Branches branches;
    private final StaffDirectory staff;
    private final Areas areas;
    private final DivisionCodeLoader divisions;
    private final Accounts accounts;
    private final FilingImports imports;

    DemoBank(
            Banks banks,
            Branches branches,
            StaffDirectory staff,
            Areas areas,
            DivisionCodeLoader divisions,
            Accounts accounts,
            FilingImports imports) {
        this.banks = banks;
        this.branches = branches;
        this.staff = staff;
        this.areas = areas;
        this.divisions = divisions;
        this.accounts = accounts;
        this.imports = imports;
    }

    /**
     * Files demo customers through the real workbook import: a generated workbook of {@code people} rows in the
     * villages of the first three branches (明水, 双山, 枣园), committed. Runs after the bank is loaded.
     */
    public void loadCustomers(int people) {
        Bank bank = banks.findByCode("ZQRCB").orElseThrow();
        actAsAdmin(bank, () -> {
            try {
                List<String> codes = new ArrayList<>();
                for (String b : List.of("B01", "B02", "B03")) {
                    long branchId = branches.tree().stream()
                            .filter(x -> x.code().equals(b))
                            .findFirst()
                            .orElseThrow()
                            .id();
                    areas.list(branchId, null, null, null, "code", new PageResult.Request(0, 500))
                            .items()
                            .forEach(a -> codes.add(a.divisionCode()));
                }
                java.nio.file.Path file = java.nio.file.Files.createTempFile("demo-filing", ".xlsx");
                sunshine.demo.FilingDataGenerator.write(
                        file,
                        sunshine.demo.FilingDataGenerator.Options.of(people)
                                .withAreaCodes(codes)
                                .withSeed(370114));
                FilingImport i;
                try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                    i = imports.upload("演示客户.xlsx", in);
                }
                i = imports.await(i.id(), 300_000);
                if (i.status() == FilingImport.Status.PREVIEW) {
                    imports.commit(i.id());
                    i = imports.await(i.id(), 300_000);
                }
                java.nio.file.Files.deleteIfExists(file);
                log.info("Demo customers: {} filed, {} rows refused", i.newRows(), i.refusedRows());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Loads both demo banks unless a bank exists already. Returns whether it loaded. */
    @Transactional
    public boolean loadIfEmpty() {
        if (banks.count() > 0) {
            return false;
        }
        long start = System.currentTimeMillis();
        Accounts.PreparedPassword password = accounts.prepare(PASSWORD);
        loadZhangqiu(password);
        loadLicheng(password);
        log.info("Demo banks loaded in {} ms", System.currentTimeMillis() - start);
        return true;
    }

    private void loadZhangqiu(Accounts.PreparedPassword password) {
        Bank bank = banks.create("ZQRCB", "章丘农商银行", COUNTY, "ZQ000");
        Random random = new Random(370114);
        actAsAdmin(bank, () -> {
            Branch hq = branches.get(bank.headOfficeId());
            List<Branch> departments = branches.tree().stream()
                    .filter(b -> b.kind() == BranchKind.DEPARTMENT)
                    .toList();
            long hqPhoneSeq = 0;
            Staff admin = person(hq.id(), "ZQ0001", "系统管理员", Set.of(Role.ADMIN), random);
            accounts.setLogin(admin.id(), "admin", password);
            Object[][] heads = {
                {Department.BUSINESS_DEVELOPMENT, Role.HO_BUSINESS_DEVELOPMENT, "ho_bd"},
                {Department.CREDIT, Role.HO_CREDIT, "ho_credit"},
                {Department.AUDIT, Role.HO_AUDIT, "ho_audit"},
                {Department.RISK_MANAGEMENT, Role.HO_RISK, "ho_risk"}
            };
            for (Object[] h : heads) {
                Branch dept = departments.stream()
                        .filter(d -> d.department() == h[0])
                        .findFirst()
                        .orElseThrow();
                Staff s = person(dept.id(), "ZQ00" + (10 + hqPhoneSeq++), name(random), Set.of((Role) h[1]), random);
                accounts.setLogin(s.id(), (String) h[2], password);
            }

            Map<String, String> townships = townships();
            int n = 0;
            for (Map.Entry<String, String> t : townships.entrySet()) {
                n++;
                String code = String.format("B%02d", n);
                String label = t.getValue().replace("街道", "").replace("镇", "");
                Branch branch = branches.create(new BranchCommand(
                        hq.id(),
                        BranchKind.BRANCH,
                        null,
                        code,
                        label + "支行",
                        "0531-8" + (3000000 + n * 1117),
                        "济南市章丘区" + t.getValue(),
                        null));
                if (n <= 3) {
                    branches.create(new BranchCommand(
                            branch.id(), BranchKind.OUTLET, null, code + "-01", label + "营业所", null, null, null));
                }
                String prefix = "b" + String.format("%02d", n);
                List<Staff> managers = new ArrayList<>();
                int managerCount = 2 + n % 3;
                Object[][] roles = {
                    {Role.BRANCH_HEAD, "_head"},
                    {Role.CREDIT_SUPERVISOR, "_credit"},
                    {Role.ACCOUNTING_SUPERVISOR, "_acct"},
                    {Role.DATA_ENTRY, "_entry"},
                    {Role.VERIFIER, "_verify"}
                };
                int seq = 1;
                for (Object[] r : roles) {
                    Staff s = person(
                            branch.id(),
                            String.format("ZQ%02d%02d", n, seq++),
                            name(random),
                            Set.of((Role) r[0]),
                            random);
                    accounts.setLogin(s.id(), prefix + r[1], password);
                }
                for (int m = 1; m <= managerCount; m++) {
                    Staff s = person(
                            branch.id(),
                            String.format("ZQ%02d%02d", n, seq++),
                            name(random),
                            Set.of(Role.ACCOUNT_MANAGER),
                            random);
                    accounts.setLogin(s.id(), prefix + "_am" + m, password);
                    managers.add(s);
                }
                loadVillages(branch, t.getKey(), managers, random);
            }
        });
    }

    private void loadVillages(Branch branch, String townshipCode, List<Staff> managers, Random random) {
        try (InputStream in = new ClassPathResource("data/divisions/" + COUNTY + "-villages.csv").getInputStream()) {
            divisions.load(in, null, COUNTY, townshipCode, branch.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PageResult<Area> loaded = areas.list(branch.id(), null, null, null, "code", new PageResult.Request(0, 500));
        int i = 0;
        for (Area a : loaded.items()) {
            int households = 120 + random.nextInt(780);
            int business = households * (5 + random.nextInt(25)) / 100;
            int certs = households * (15 + random.nextInt(30)) / 100;
            int bad = random.nextInt(100) < 30 ? random.nextInt(6) : 0;
            areas.update(
                    a.id(),
                    new AreaCommand(
                            branch.id(),
                            a.kind(),
                            a.divisionCode(),
                            a.townshipName(),
                            a.name(),
                            managers.get(i++ % managers.size()).id(),
                            households,
                            business,
                            certs,
                            BigDecimal.valueOf(certs * (30_000L + random.nextInt(50) * 1_000L)),
                            bad,
                            BigDecimal.valueOf(bad * (20_000L + random.nextInt(80) * 1_000L)),
                            a.version()));
        }
    }

    private void loadLicheng(Accounts.PreparedPassword password) {
        Bank bank = banks.create("LCRCB", "历城农商银行", "370112", "LC000");
        Random random = new Random(370112);
        actAsAdmin(bank, () -> {
            Branch hq = branches.get(bank.headOfficeId());
            Staff admin = person(hq.id(), "LC0001", "历城管理员", Set.of(Role.ADMIN), random);
            accounts.setLogin(admin.id(), "lc_admin", password);
            Branch branch = branches.create(
                    new BranchCommand(hq.id(), BranchKind.BRANCH, null, "L01", "洪家楼支行", null, null, null));
            Staff head = person(branch.id(), "LC0101", name(random), Set.of(Role.BRANCH_HEAD), random);
            accounts.setLogin(head.id(), "lc_head", password);
            Staff am = person(branch.id(), "LC0102", name(random), Set.of(Role.ACCOUNT_MANAGER), random);
            accounts.setLogin(am.id(), "lc_am1", password);
            String[][] places = {{"370112001001", "甸柳社区"}, {"370112007201", "洪家园村"}, {"", "历城第二中学"}};
            for (String[] p : places) {
                AreaKind kind = p[0].isEmpty()
                        ? AreaKind.INSTITUTION
                        : p[1].endsWith("村") ? AreaKind.VILLAGE : AreaKind.COMMUNITY;
                areas.create(new AreaCommand(
                        branch.id(),
                        kind,
                        p[0],
                        null,
                        p[1],
                        am.id(),
                        300,
                        40,
                        80,
                        new BigDecimal("3200000.00"),
                        1,
                        new BigDecimal("50000.00"),
                        null));
            }
        });
    }

    private Staff person(long branchId, String staffNo, String name, Set<Role> roles, Random random) {
        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        return staff.create(new StaffCommand(branchId, staffNo, name, phone, EnumSet.copyOf(roles), null));
    }

    private static String name(Random random) {
        return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
    }

    private static Map<String, String> townships() {
        try (InputStream in = new ClassPathResource("data/divisions/" + COUNTY + "-streets.csv").getInputStream()) {
            Map<String, String> names = new java.util.LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",");
                if (f[0].matches("\\d{9}")) {
                    names.put(f[0], f[1].replace("\"", "").trim());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the loader as the bank's administrator, so every record goes through the normal checks and audit. */
    static void actAsAdmin(Bank bank, Runnable work) {
        CurrentUser system = new CurrentUser(
                0,
                bank.id(),
                bank.headOfficeId(),
                "SYSTEM",
                "演示数据 demo loader",
                "system",
                "/" + bank.headOfficeId() + "/",
                EnumSet.of(Role.ADMIN));
        actAs(system, work);
    }

    /** Runs the loader as the given user (the demo's decisions are then that person's in the audit log). */
    static void actAs(CurrentUser user, Runnable work) {
        var previous = SecurityContextHolder.getContext();
        CurrentUser.Holder holder = () -> user;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                holder,
                null,
                user.roles().stream()
                        .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority()))
                        .toList()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A demo user as if they had signed in: their roles, and their branch's scope (the bank's for head office). */
    static CurrentUser user(org.springframework.jdbc.core.simple.JdbcClient jdbc, String username) {
        return jdbc.sql("""
                        select s.id, s.bank_id, s.branch_id, s.staff_no, s.name, u.username, b.path,
                               (select h.path from branch h where h.bank_id = s.bank_id and h.kind = 'HEAD_OFFICE') as bank_path,
                               (select string_agg(r.role, ',') from staff_role r where r.staff_id = s.id) as roles
                          from user_account u join staff s on s.id = u.staff_id join branch b on b.id = s.branch_id
                         where u.username = :u""")
                .param("u", username)
                .query((rs, n) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String r : rs.getString("roles").split(",")) {
                        roles.add(Role.valueOf(r));
                    }
                    return new CurrentUser(
                            rs.getLong("id"),
                            rs.getLong("bank_id"),
                            rs.getLong("branch_id"),
                            rs.getString("staff_no"),
                            rs.getString("name"),
                            rs.getString("username"),
                            Role.anyWholeBank(roles) ? rs.getString("bank_path") : rs.getString("path"),
                            roles);
                })
                .optional()
                .orElseThrow(() -> new IllegalStateException("no demo user " + username));
    }

    /**
     * Runs the work as the demo user and returns its result (their decisions are theirs in the audit log). Public for
     * tests that set up a stage through the real services as the demo bank's people.
     */
    public static <T> T as(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            String username,
            java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        actAs(user(jdbc, username), () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
