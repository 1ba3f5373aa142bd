package sunshine.review;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.customer.Customers;
import sunshine.customer.FilingRejected;
import sunshine.customer.HouseholdRoster;
import sunshine.panel.PanelSeat;
import sunshine.panel.PanelSheet;
import sunshine.panel.Panels;
import sunshine.review.booklet.BookletContent;
import sunshine.review.booklet.BookletStore;
import sunshine.review.entry.BookletReader;
import sunshine.review.entry.BookletReader.CellError;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.NotFoundException;
import sunshine.shared.Role;
import sunshine.transfer.XlsxGuard;

/**
 * Typing the members' filled-in copies in (R17, R18). A copy is keyed by one person (from the paper, or by uploading
 * the filled-in workbook) and verified by another, who types the amounts again without seeing the first keying;
 * differences are shown side by side and resolved; only a verified copy counts. Each screen shows one copy: its
 * households, never another copy's figures. Corrections of the representative's contact data are applied to the
 * customer file through filing when the copy is verified. Every call checks the scope first (404 outside it, like a
 * missing record) and the role second (403).
 */
@Service
public class Estimates {

    /** Above this (10亿 yuan) an amount is refused as a typing slip. */
    static final BigDecimal MAX = new BigDecimal("1000000000");
    /** Above these an amount is taken but warned about (sane for a rural household). */
    static final BigDecimal WARN_STOCK = new BigDecimal("20000000");

    static final BigDecimal WARN_FLOW = new BigDecimal("5000000");
    /** R17: suggested credit is kept within 1.1–1.5 × net income; above 1.5 × is warned about. */
    static final BigDecimal BAND_TOP = new BigDecimal("1.5");

    private static final Map<String, String> LABELS = Map.of(
            "assets", "家庭资产",
            "liabilities", "家庭负债",
            "grossIncome", "家庭年总收入",
            "netIncome", "家庭年纯收入",
            "suggestedAmount", "建议授信额度",
            "doNotRecommend", "不建议授信");

    /** A member's copy of the panel's latest print with what has been typed of it (no figures). */
    public record CopyStatus(int copyNo, String memberName, Long ownHouseholdId, EstimateCopy copy) {}

    /** A panel's copies for the entry page. latest: the latest printed version, or null before any print. */
    public record Overview(PanelSheet panel, BookletPrint latest, List<CopyStatus> copies) {}

    /** Something taken but worth a second look: a message key with its arguments. */
    public record Warning(int rowNo, String key, List<Object> args) {}

    /** A keying saved: the copy and what to look at again. */
    public record Saved(EstimateCopy copy, List<Warning> warnings) {}

    /** An uploaded workbook: accepted (copy set) or refused with every cell that could not be taken. */
    public record Upload(EstimateCopy copy, String label, List<CellError> errors, List<Warning> warnings) {

        public boolean accepted() {
            return copy != null;
        }
    }

    private static final String COPY_SELECT = """
            select e.*, p.version from estimate_copy e
              join booklet_print p on p.id = e.print_id
              join branch b on b.id = e.branch_id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Panels panels;
    private final BookletStore store;
    private final HouseholdRoster roster;
    private final Customers customers;
    private final AuditLog audit;
    private final TransactionTemplate nested;

    Estimates(
            JdbcClient jdbc,
            DataScope scope,
            Panels panels,
            BookletStore store,
            HouseholdRoster roster,
            Customers customers,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.panels = panels;
        this.store = store;
        this.roster = roster;
        this.customers = customers;
        this.audit = audit;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The copies of the panel's latest print and how far each is (no figures). 404 outside the scope. */
    @Transactional(readOnly = true)
    public Overview overview(long panelId) {
        PanelSheet sheet = panels.requireSheet(panelId);
        Optional<BookletStore.Stored> latest = store.latest(panelId);
        Map<Integer, EstimateCopy> typed = new HashMap<>();
        copiesOf(panelId).forEach(c -> typed.put(c.copyNo(), c));
        List<CopyStatus> copies = new ArrayList<>();
        if (latest.isPresent()) {
            for (BookletContent.Copy c : latest.get().copies()) {
                copies.add(new CopyStatus(c.number(), c.memberName(), c.ownHouseholdId(), typed.remove(c.number())));
            }
        }
        // copies typed from an earlier version whose seat is gone from the latest
        typed.values().forEach(c -> copies.add(new CopyStatus(c.copyNo(), c.memberName(), c.ownHouseholdId(), c)));
        return new Overview(sheet, latest.map(Estimates::print).orElse(null), copies);
    }

    /**
     * The keying form of a copy number: the keyer's saved draft, or blank rows of the latest print when the copy has
     * not been typed yet. A copy already typed by someone answers through {@link #sheet(long)}'s rules.
     */
    @Transactional(readOnly = true)
    public EstimateSheet keyingForm(long panelId, int copyNo) {
        PanelSheet panel = panels.requireSheet(panelId);
        Optional<EstimateCopy> existing = find(panelId, copyNo);
        if (existing.isPresent()) {
            return sheet(existing.get().id());
        }
        requireRole(Role.DATA_ENTRY);
        BookletStore.Stored print = latest(panel);
        BookletContent.Copy copy = copyOf(print, copyNo);
        requireNoOtherDraft(panelId, -1);
        List<Long> households = store.households(print.id());
        Map<Long, HouseholdRoster.Entry> names = names(households);
        List<EstimateSheet.Line> lines = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            long h = households.get(i);
            HouseholdRoster.Entry e = names.get(h);
            lines.add(new EstimateSheet.Line(
                    i + 1,
                    h,
                    e == null ? "" : e.representative(),
                    e == null ? "" : e.address(),
                    Long.valueOf(h).equals(copy.ownHouseholdId()),
                    Figures.BLANK,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        return new EstimateSheet(
                panelId,
                panel.name(),
                new BookletLabel(panelId, print.version(), copyNo).toString(),
                copyNo,
                copy.memberName(),
                null,
                EstimateSheet.Mode.FIRST,
                lines);
    }

    /**
     * A typed copy as the caller may see it (R17, R18): its keyer sees their own keying; a verifier sees blank rows
     * until they have typed theirs, then both side by side; anyone else, and anyone with an unfinished keying of
     * another copy of the same panel, gets 404 as for a missing copy.
     */
    @Transactional(readOnly = true)
    public EstimateSheet sheet(long copyId) {
        EstimateCopy c = load(copyId);
        CurrentUser u = scope.user();
        EstimateSheet.Mode mode;
        if (c.keyedBy() == u.staffId()) {
            mode = c.status() == EstimateStatus.VERIFIED ? EstimateSheet.Mode.DONE : EstimateSheet.Mode.FIRST;
        } else if (u.has(Role.VERIFIER) && c.status() == EstimateStatus.KEYED) {
            mode = EstimateSheet.Mode.SECOND;
        } else if (c.verifiedBy() != null && c.verifiedBy() == u.staffId()) {
            mode = c.status() == EstimateStatus.VERIFYING ? EstimateSheet.Mode.RESOLVE : EstimateSheet.Mode.DONE;
        } else {
            throw new NotFoundException("estimate_copy", copyId);
        }
        requireNoOtherDraft(c.panelId(), c.id());
        return render(c, mode);
    }

    // ---------------------------------------------------------------------------------------------- keying

    /**
     * First keying of a copy from the paper (R18): saved as a draft (KEYING) or finished (KEYED, then waiting for
     * verification). Households not given are left blank. Only data-entry staff key; a copy being keyed by someone
     * else, or already keyed, is refused.
     */
    @Transactional
    public Saved keyFirst(long panelId, int copyNo, List<EntryLine> lines, boolean finish) {
        PanelSheet panel = panels.requireSheet(panelId);
        requireRole(Role.DATA_ENTRY);
        BookletStore.Stored print = latest(panel);
        return keep(panel, print, copyNo, lines, finish, "PAPER");
    }

    /**
     * Reads a filled-in workbook back (R18): the version must be the panel's latest print, the copy not yet keyed
     * by anyone else nor verified; any cell that cannot be taken refuses the whole upload, with every such cell
     * named. An accepted upload counts as keyed and still needs verification.
     */
    @Transactional
    public Upload upload(long panelId, Path file) {
        PanelSheet panel = panels.requireSheet(panelId);
        requireRole(Role.DATA_ENTRY);
        return read(panel, file);
    }

    /** {@link #upload(long, Path)} from a stream (a web upload), kept in a temporary file while it is read. */
    @Transactional
    public Upload upload(long panelId, InputStream in) throws IOException {
        PanelSheet panel = panels.requireSheet(panelId);
        requireRole(Role.DATA_ENTRY);
        Path file = Files.createTempFile("booklet-upload", ".xlsx");
        try {
            try (in) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return read(panel, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Upload read(PanelSheet panel, Path file) {
        long panelId = panel.id();
        XlsxGuard.check(file);
        BookletReader.Read read = BookletReader.read(file, null);
        BookletLabel label = read.label();
        if (label.panelId() != panelId) {
            throw new BusinessException("estimate.upload.otherPanel", label.toString(), panel.name());
        }
        BookletStore.Stored print = store.find(panelId, label.version())
                .orElseThrow(() -> new BusinessException("estimate.upload.unknownVersion", label.toString()));
        BookletStore.Stored latest = latest(panel);
        if (latest.version() != print.version()) {
            throw BusinessException.conflict(
                    "estimate.upload.oldVersion",
                    label.toString(),
                    new BookletLabel(panelId, latest.version(), label.copy()).toString());
        }
        BookletContent.Copy copy = copyOf(print, label.copy());
        Optional<EstimateCopy> existing = find(panelId, label.copy());
        if (existing.isPresent() && existing.get().status() == EstimateStatus.VERIFIED) {
            throw BusinessException.conflict("estimate.upload.verified", label.toString());
        }
        Set<Long> printed = new HashSet<>(store.households(print.id()));
        List<CellError> errors = new ArrayList<>(read.errors());
        List<EntryLine> lines = new ArrayList<>();
        for (BookletReader.Line l : read.lines()) {
            if (!printed.contains(l.entry().householdId())) {
                errors.add(new CellError(
                        l.row(),
                        BookletReader.column(sunshine.review.booklet.BookletXlsx.HOUSEHOLD_ID_COLUMN),
                        "household_id",
                        "estimate.cell.unknownHousehold",
                        String.valueOf(l.entry().householdId())));
            } else if (!Long.valueOf(l.entry().householdId()).equals(copy.ownHouseholdId())
                    || hasCorrection(l.entry())) {
                lines.add(l.entry());
            }
        }
        if (!errors.isEmpty()) {
            return new Upload(null, label.toString(), errors, List.of());
        }
        Saved saved = keep(panel, print, label.copy(), lines, true, "WORKBOOK");
        return new Upload(saved.copy(), label.toString(), List.of(), saved.warnings());
    }

    private Saved keep(
            PanelSheet panel,
            BookletStore.Stored print,
            int copyNo,
            List<EntryLine> lines,
            boolean finish,
            String source) {
        CurrentUser u = scope.user();
        BookletContent.Copy copy = copyOf(print, copyNo);
        store.lock(panel.id());
        Optional<EstimateCopy> existing = find(panel.id(), copyNo);
        if (existing.isPresent()) {
            EstimateCopy e = existing.get();
            if (e.status() != EstimateStatus.KEYING) {
                throw BusinessException.conflict(
                        e.status() == EstimateStatus.VERIFIED
                                ? "estimate.upload.verified"
                                : "estimate.error.alreadyKeyed",
                        e.label(),
                        e.keyedByName());
            }
            if (e.keyedBy() != u.staffId()) {
                throw BusinessException.conflict("estimate.error.keyingByOther", e.label(), e.keyedByName());
            }
            if (e.printId() != print.id()) {
                throw BusinessException.conflict(
                        "estimate.upload.oldVersion",
                        e.label(),
                        new BookletLabel(panel.id(), print.version(), copyNo).toString());
            }
        }
        List<Long> households = store.households(print.id());
        Map<Long, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < households.size(); i++) {
            rowOf.put(households.get(i), i + 1);
        }
        List<Warning> warnings = new ArrayList<>();
        Map<Long, EntryLine> given = new LinkedHashMap<>();
        for (EntryLine l : lines) {
            Integer row = rowOf.get(l.householdId());
            if (row == null) {
                throw new BusinessException("estimate.error.unknownHousehold", l.householdId());
            }
            boolean own = l.householdId() == (copy.ownHouseholdId() == null ? -1L : copy.ownHouseholdId());
            if (own && !l.figures().blank()) {
                // R13: a member does not estimate their own household; what was written there is not taken
                warnings.add(new Warning(row, "estimate.warn.ownHousehold", List.of(row)));
                l = new EntryLine(
                        l.householdId(),
                        Figures.BLANK,
                        null,
                        l.correctionText(),
                        l.correctionPhone(),
                        l.correctionAddress());
            }
            check(row, l.figures(), warnings);
            given.put(l.householdId(), l);
        }
        Instant now = Instant.now();
        String status = finish ? EstimateStatus.KEYED.name() : EstimateStatus.KEYING.name();
        long copyId;
        if (existing.isPresent()) {
            copyId = existing.get().id();
            jdbc.sql("update estimate_copy set status = :s, source = :src, keyed_at = :at where id = :id")
                    .param("s", status)
                    .param("src", source)
                    .param("at", finish ? Timestamp.from(now) : null)
                    .param("id", copyId)
                    .update();
            jdbc.sql("delete from estimate where copy_id = :id")
                    .param("id", copyId)
                    .update();
        } else {
            copyId = jdbc.sql("""
                    insert into estimate_copy (bank_id, branch_id, panel_id, print_id, copy_no, member_id, member_name,
                                               own_household_id, status, source, keyed_by, keyed_by_name, keyed_at)
                    values (:bank, :branch, :panel, :print, :copy, :member, :memberName, :own, :s, :src, :by, :byName, :at)
                    returning id""")
                    .param("bank", panel.bankId())
                    .param("branch", panel.branchId())
                    .param("panel", panel.id())
                    .param("print", print.id())
                    .param("copy", copyNo)
                    .param("member", memberId(panel, copyNo))
                    .param("memberName", copy.memberName())
                    .param("own", copy.ownHouseholdId())
                    .param("s", status)
                    .param("src", source)
                    .param("by", u.staffId())
                    .param("byName", u.name())
                    .param("at", finish ? Timestamp.from(now) : null)
                    .query(Long.class)
                    .single();
        }
        for (int i = 0; i < households.size(); i++) {
            long h = households.get(i);
            EntryLine l = given.getOrDefault(h, EntryLine.of(h, Figures.BLANK));
            Figures f = l.figures();
            jdbc.sql("""
                    insert into estimate (copy_id, row_no, household_id, own_household, k1_assets, k1_liabilities,
                           k1_gross_income, k1_net_income, k1_suggested, k1_do_not_recommend, remarks, correction_text,
                           correction_phone, correction_address)
                    values (:c, :row, :h, :own, :a, :l, :g, :n, :s, :d, :remarks, :ct, :cp, :ca)""")
                    .param("c", copyId)
                    .param("row", i + 1)
                    .param("h", h)
                    .param("own", Long.valueOf(h).equals(copy.ownHouseholdId()))
                    .param("a", f.assets())
                    .param("l", f.liabilities())
                    .param("g", f.grossIncome())
                    .param("n", f.netIncome())
                    .param("s", f.suggestedAmount())
                    .param("d", f.doNotRecommend())
                    .param("remarks", trim(l.remarks(), 500))
                    .param("ct", trim(l.correctionText(), 500))
                    .param("cp", trim(l.correctionPhone(), 30))
                    .param("ca", trim(l.correctionAddress(), 200))
                    .update();
        }
        EstimateCopy saved = load(copyId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("copy", saved.label());
        after.put("status", status);
        after.put("source", source);
        after.put("households", given.size());
        audit.record("ESTIMATE_KEY", "estimate_copy", copyId, null, after);
        return new Saved(saved, warnings);
    }

    // ---------------------------------------------------------------------------------------------- verifying

    /**
     * The verifier's keying (R18): typed without seeing the first. Without differences the copy is verified at once;
     * with differences it waits for {@link #resolve}. The person who keyed the copy cannot verify it.
     */
    @Transactional
    public Saved keySecond(long copyId, List<EntryLine> lines) {
        EstimateCopy c = load(copyId);
        requireRole(Role.VERIFIER);
        CurrentUser u = scope.user();
        if (c.keyedBy() == u.staffId()) {
            // R18: the one who typed a copy never verifies it
            throw BusinessException.conflict("estimate.error.sameVerifier", c.label());
        }
        if (c.status() != EstimateStatus.KEYED) {
            throw BusinessException.conflict(
                    "estimate.error.notKeyed",
                    c.label(),
                    "estimate.status." + c.status().name());
        }
        Map<Long, Integer> rowOf = rowsOf(copyId);
        List<Warning> warnings = new ArrayList<>();
        Map<Long, Figures> second = new HashMap<>();
        for (EntryLine l : lines) {
            Integer row = rowOf.get(l.householdId());
            if (row == null) {
                throw new BusinessException("estimate.error.unknownHousehold", l.householdId());
            }
            check(row, l.figures(), warnings);
            second.put(l.householdId(), l.figures());
        }
        int claimed = jdbc.sql("""
                update estimate_copy set status = 'VERIFYING', verified_by = :by, verified_by_name = :name,
                       second_keyed_at = now()
                 where id = :id and status = 'KEYED'""")
                .param("by", u.staffId())
                .param("name", u.name())
                .param("id", copyId)
                .update();
        if (claimed != 1) {
            throw BusinessException.conflict("estimate.error.notKeyed", c.label(), "estimate.status.VERIFYING");
        }
        for (Map.Entry<Long, Integer> e : rowOf.entrySet()) {
            Figures f = second.getOrDefault(e.getKey(), Figures.BLANK);
            jdbc.sql("""
                    update estimate set k2_assets = :a, k2_liabilities = :l, k2_gross_income = :g, k2_net_income = :n,
                           k2_suggested = :s, k2_do_not_recommend = :d
                     where copy_id = :c and household_id = :h""")
                    .param("a", f.assets())
                    .param("l", f.liabilities())
                    .param("g", f.grossIncome())
                    .param("n", f.netIncome())
                    .param("s", f.suggestedAmount())
                    .param("d", f.doNotRecommend())
                    .param("c", copyId)
                    .param("h", e.getKey())
                    .update();
        }
        EstimateSheet s = render(load(copyId), EstimateSheet.Mode.RESOLVE);
        audit.record(
                "ESTIMATE_SECOND_KEY",
                "estimate_copy",
                copyId,
                null,
                Map.of("copy", c.label(), "differingRows", s.differing()));
        if (s.differing() == 0) {
            finish(c, Map.of());
        }
        return new Saved(load(copyId), warnings);
    }

    /**
     * The verifier settles each differing row (R18) by the paper: the figures given for those rows become the
     * copy's; the others keep what both keyings agree on. Then the copy is verified and its corrections applied.
     */
    @Transactional
    public EstimateCopy resolve(long copyId, Map<Long, Figures> chosen) {
        EstimateCopy c = load(copyId);
        requireRole(Role.VERIFIER);
        CurrentUser u = scope.user();
        if (c.keyedBy() == u.staffId()) {
            // R18: the one who typed a copy never verifies it
            throw BusinessException.conflict("estimate.error.sameVerifier", c.label());
        }
        if (c.status() != EstimateStatus.VERIFYING || c.verifiedBy() == null || c.verifiedBy() != u.staffId()) {
            throw BusinessException.conflict(
                    "estimate.error.notVerifying",
                    c.label(),
                    "estimate.status." + c.status().name());
        }
        EstimateSheet s = render(c, EstimateSheet.Mode.RESOLVE);
        Map<Long, Figures> resolved = new HashMap<>();
        List<Warning> ignored = new ArrayList<>();
        for (EstimateSheet.Line l : s.lines()) {
            if (!l.differences().isEmpty()) {
                Figures f = chosen.get(l.householdId());
                if (f == null) {
                    throw new BusinessException("estimate.error.unresolved", l.rowNo());
                }
                check(l.rowNo(), f, ignored);
                resolved.put(l.householdId(), f);
            }
        }
        finish(c, resolved);
        return load(copyId);
    }

    /** Verified: resolved figures written (agreed rows take the first keying), corrections applied, audited. */
    private void finish(EstimateCopy c, Map<Long, Figures> resolved) {
        jdbc.sql("""
                update estimate set assets = k1_assets, liabilities = k1_liabilities, gross_income = k1_gross_income,
                       net_income = k1_net_income, suggested_amount = k1_suggested, do_not_recommend = k1_do_not_recommend
                 where copy_id = :c""").param("c", c.id()).update();
        for (Map.Entry<Long, Figures> e : resolved.entrySet()) {
            Figures f = e.getValue();
            jdbc.sql("""
                    update estimate set assets = :a, liabilities = :l, gross_income = :g, net_income = :n,
                           suggested_amount = :s, do_not_recommend = :d
                     where copy_id = :c and household_id = :h""")
                    .param("a", f.assets())
                    .param("l", f.liabilities())
                    .param("g", f.grossIncome())
                    .param("n", f.netIncome())
                    .param("s", f.suggestedAmount())
                    .param("d", f.doNotRecommend())
                    .param("c", c.id())
                    .param("h", e.getKey())
                    .update();
        }
        jdbc.sql("update estimate_copy set status = 'VERIFIED', verified_at = now() where id = :id")
                .param("id", c.id())
                .update();
        int applied = applyCorrections(c.id());
        audit.record(
                "ESTIMATE_VERIFY",
                "estimate_copy",
                c.id(),
                null,
                Map.of("copy", c.label(), "resolvedRows", resolved.size(), "corrections", applied));
    }

    /**
     * R18: contact corrections written in the copy update the representative's file through filing (its rules
     * decide; a refusal is kept on the row and does not stop the verification). Returns how many changed a file.
     */
    private int applyCorrections(long copyId) {
        record Correction(long householdId, String phone, String address) {}
        List<Correction> list = jdbc.sql("""
                select household_id, correction_phone, correction_address from estimate
                 where copy_id = :c and (correction_phone is not null or correction_address is not null)
                 order by row_no""")
                .param("c", copyId)
                .query((rs, n) -> new Correction(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        int applied = 0;
        for (Correction k : list) {
            String status;
            String note;
            try {
                // in a savepoint: a refused filing rolls back only itself
                Customers.Outcome o =
                        nested.execute(t -> customers.correctContact(k.householdId(), k.phone(), k.address()));
                status = o.changedFields().isEmpty() ? "UNCHANGED" : "APPLIED";
                note = String.join(",", o.changedFields());
                if (!o.changedFields().isEmpty()) {
                    applied++;
                }
            } catch (FilingRejected e) {
                status = "REFUSED";
                note = e.problems().stream()
                        .map(p -> p.field() + ":" + p.messageKey())
                        .reduce((a, b) -> a + "," + b)
                        .orElse(e.messageKey());
            } catch (BusinessException e) {
                status = "REFUSED";
                note = e.messageKey();
            }
            jdbc.sql(
                            "update estimate set correction_status = :s, correction_note = :n where copy_id = :c and household_id = :h")
                    .param("s", status)
                    .param("n", trim(note, 500))
                    .param("c", copyId)
                    .param("h", k.householdId())
                    .update();
        }
        return applied;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Amounts non-negative and below {@link #MAX}; large ones and R17's band are warnings. */
    private static void check(int row, Figures f, List<Warning> warnings) {
        for (String field : Figures.FIELDS) {
            BigDecimal v = f.amount(field);
            if (v == null) {
                continue;
            }
            if (v.signum() < 0) {
                throw new BusinessException("estimate.error.negative", row, LABELS.get(field));
            }
            if (v.compareTo(MAX) >= 0) {
                throw new BusinessException("estimate.error.tooLarge", row, LABELS.get(field));
            }
            BigDecimal warn = field.equals("assets") || field.equals("liabilities") ? WARN_STOCK : WARN_FLOW;
            if (v.compareTo(warn) > 0) {
                warnings.add(new Warning(row, "estimate.warn.large", List.of(row, LABELS.get(field))));
            }
        }
        if (f.suggestedAmount() != null
                && f.netIncome() != null
                && f.suggestedAmount().compareTo(f.netIncome().multiply(BAND_TOP)) > 0) {
            warnings.add(new Warning(row, "estimate.warn.band", List.of(row)));
        }
        if (f.doNotRecommend()
                && f.suggestedAmount() != null
                && f.suggestedAmount().signum() > 0) {
            warnings.add(new Warning(row, "estimate.warn.doNotRecommend", List.of(row)));
        }
    }

    private static boolean hasCorrection(EntryLine l) {
        return l.correctionPhone() != null || l.correctionAddress() != null || l.correctionText() != null;
    }

    private EstimateSheet render(EstimateCopy c, EstimateSheet.Mode mode) {
        record Stored(
                int row,
                long household,
                boolean own,
                Figures first,
                Figures second,
                Figures resolved,
                String remarks,
                String ct,
                String cp,
                String ca,
                String cs,
                String cn) {}
        List<Stored> rows = jdbc.sql("select * from estimate where copy_id = :c order by row_no")
                .param("c", c.id())
                .query((rs, n) -> new Stored(
                        rs.getInt("row_no"),
                        rs.getLong("household_id"),
                        rs.getBoolean("own_household"),
                        figures(rs, "k1_", "k1_suggested"),
                        rs.getObject("k2_do_not_recommend") == null ? null : figures(rs, "k2_", "k2_suggested"),
                        rs.getObject("do_not_recommend") == null ? null : figures(rs, "", "suggested_amount"),
                        rs.getString("remarks"),
                        rs.getString("correction_text"),
                        rs.getString("correction_phone"),
                        rs.getString("correction_address"),
                        rs.getString("correction_status"),
                        rs.getString("correction_note")))
                .list();
        Map<Long, HouseholdRoster.Entry> names =
                names(rows.stream().map(Stored::household).toList());
        boolean showFirst = mode != EstimateSheet.Mode.SECOND;
        boolean showSecond = mode == EstimateSheet.Mode.RESOLVE || mode == EstimateSheet.Mode.DONE;
        List<EstimateSheet.Line> lines = new ArrayList<>();
        for (Stored r : rows) {
            HouseholdRoster.Entry e = names.get(r.household());
            List<String> diff =
                    r.second() == null || r.own() ? List.of() : r.first().differences(r.second());
            lines.add(new EstimateSheet.Line(
                    r.row(),
                    r.household(),
                    e == null ? "" : e.representative(),
                    e == null ? "" : e.address(),
                    r.own(),
                    showFirst ? r.first() : null,
                    showSecond ? r.second() : null,
                    r.resolved(),
                    showSecond ? diff : List.of(),
                    showFirst ? r.remarks() : null,
                    showFirst ? r.ct() : null,
                    showFirst ? r.cp() : null,
                    showFirst ? r.ca() : null,
                    r.cs(),
                    r.cn()));
        }
        String panelName = panels.sheet(c.panelId()).map(PanelSheet::name).orElse("");
        return new EstimateSheet(c.panelId(), panelName, c.label(), c.copyNo(), c.memberName(), c, mode, lines);
    }

    private static Figures figures(ResultSet rs, String prefix, String suggested) throws SQLException {
        return new Figures(
                rs.getBigDecimal(prefix + "assets"),
                rs.getBigDecimal(prefix + "liabilities"),
                rs.getBigDecimal(prefix + "gross_income"),
                rs.getBigDecimal(prefix + "net_income"),
                rs.getBigDecimal(suggested),
                rs.getBoolean(prefix + "do_not_recommend"));
    }

    private Map<Long, Integer> rowsOf(long copyId) {
        Map<Long, Integer> rows = new LinkedHashMap<>();
        jdbc.sql("select household_id, row_no from estimate where copy_id = :c order by row_no")
                .param("c", copyId)
                .query((rs, n) -> rows.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return rows;
    }

    private Map<Long, HouseholdRoster.Entry> names(List<Long> households) {
        Map<Long, HouseholdRoster.Entry> names = new HashMap<>();
        roster.byIds(households).forEach(e -> names.put(e.householdId(), e));
        return names;
    }

    /** R17: while someone has a copy of the panel half typed, they see no other copy of it. */
    private void requireNoOtherDraft(long panelId, long copyId) {
        boolean drafting = jdbc.sql("""
                select exists(select 1 from estimate_copy where panel_id = :p and id <> :id and status = 'KEYING'
                                 and keyed_by = :me)""")
                .param("p", panelId)
                .param("id", copyId)
                .param("me", scope.user().staffId())
                .query(Boolean.class)
                .single();
        if (drafting && copyId > 0) {
            throw new NotFoundException("estimate_copy", copyId);
        }
        if (drafting) {
            throw BusinessException.conflict("estimate.error.finishDraft");
        }
    }

    private void requireRole(Role role) {
        if (!scope.user().has(role)) {
            throw new AccessDeniedException(role.name());
        }
    }

    private BookletStore.Stored latest(PanelSheet panel) {
        return store.latest(panel.id())
                .orElseThrow(() -> BusinessException.conflict("estimate.error.notPrinted", panel.name()));
    }

    private static BookletContent.Copy copyOf(BookletStore.Stored print, int copyNo) {
        return print.copies().stream()
                .filter(c -> c.number() == copyNo)
                .findFirst()
                .orElseThrow(() -> new BusinessException(
                        "estimate.upload.unknownCopy",
                        new BookletLabel(print.panelId(), print.version(), copyNo).toString()));
    }

    private static Long memberId(PanelSheet panel, int copyNo) {
        return panel.regularSeats().stream()
                .filter(s -> s.seat() == copyNo)
                .map(PanelSeat::memberId)
                .findFirst()
                .orElse(null);
    }

    /** A copy in the caller's scope, or 404 (audited when it exists elsewhere). */
    EstimateCopy load(long copyId) {
        return jdbc.sql(COPY_SELECT + " where e.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", copyId)
                .query(Estimates::map)
                .optional()
                .orElseThrow(() -> scope.notFound("estimate_copy", "estimate_copy", copyId));
    }

    private Optional<EstimateCopy> find(long panelId, int copyNo) {
        return jdbc.sql(COPY_SELECT + " where e.panel_id = :p and e.copy_no = :n")
                .param("p", panelId)
                .param("n", copyNo)
                .query(Estimates::map)
                .optional();
    }

    private List<EstimateCopy> copiesOf(long panelId) {
        return jdbc.sql(COPY_SELECT + " where e.panel_id = :p order by e.copy_no")
                .param("p", panelId)
                .query(Estimates::map)
                .list();
    }

    static EstimateCopy map(ResultSet rs, int n) throws SQLException {
        Timestamp keyed = rs.getTimestamp("keyed_at");
        Timestamp verified = rs.getTimestamp("verified_at");
        return new EstimateCopy(
                rs.getLong("id"),
                rs.getLong("panel_id"),
                rs.getLong("branch_id"),
                rs.getLong("print_id"),
                rs.getInt("version"),
                rs.getInt("copy_no"),
                (Long) rs.getObject("member_id"),
                rs.getString("member_name"),
                (Long) rs.getObject("own_household_id"),
                EstimateStatus.valueOf(rs.getString("status")),
                rs.getString("source"),
                rs.getLong("keyed_by"),
                rs.getString("keyed_by_name"),
                keyed == null ? null : keyed.toInstant(),
                (Long) rs.getObject("verified_by"),
                rs.getString("verified_by_name"),
                verified == null ? null : verified.toInstant());
    }

    private static BookletPrint print(BookletStore.Stored s) {
        return new BookletPrint(
                s.id(),
                s.panelId(),
                s.branchId(),
                s.version(),
                s.printedByName(),
                s.printedAt(),
                s.households(),
                s.contentHash(),
                s.copies().stream()
                        .map(c -> new BookletPrint.Copy(c.number(), c.memberName(), c.role(), c.ownHouseholdId()))
                        .toList());
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
