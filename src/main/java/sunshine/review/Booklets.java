package sunshine.review;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.customer.FilingColumns;
import sunshine.customer.HouseholdRoster;
import sunshine.organisation.Banks;
import sunshine.organisation.Branches;
import sunshine.panel.PanelSeat;
import sunshine.panel.PanelSheet;
import sunshine.panel.PanelStatus;
import sunshine.panel.Panels;
import sunshine.review.booklet.BookletContent;
import sunshine.review.booklet.BookletPdf;
import sunshine.review.booklet.BookletStore;
import sunshine.review.booklet.BookletText;
import sunshine.review.booklet.BookletXlsx;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.NotFoundException;
import sunshine.shared.Today;
import sunshine.transfer.pdf.CjkFont;

/**
 * Review booklets (R16): one copy per panel member, listing the filed households of the panel's areas, as a PDF
 * to print and an xlsx laid out the same way. Every print is a version (P{panel}-V{version}), recorded with the
 * households in printed order, so a filled-in copy can later be matched to exactly what was on the paper.
 * Printing content that has not changed since the last version reuses that version instead of making another.
 */
@Service
public class Booklets {

    /** The forms a copy is delivered in. */
    public enum Format {
        PDF("pdf", "application/pdf"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        /** pdf or xlsx; anything else is refused. */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return f;
                }
            }
            throw new BusinessException("booklet.error.format", String.valueOf(name));
        }

        /** For the branch download: pdf, xlsx, or both when not given (or "all"). */
        public static Set<Format> set(String name) {
            if (name == null || name.isBlank() || name.strip().equalsIgnoreCase("all")) {
                return Set.of(PDF, XLSX);
            }
            return Set.of(of(name));
        }
    }

    /** What a panel's booklet page shows: the panel, its versions, and whether the list changed since the last. */
    public record Overview(PanelSheet panel, List<BookletPrint> prints, int householdsNow, boolean changedSinceLatest) {

        public boolean printable() {
            return panel.status() == PanelStatus.CONFIRMED
                    && !panel.regularSeats().isEmpty();
        }
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Panels panels;
    private final HouseholdRoster roster;
    private final BookletStore store;
    private final AuditLog audit;
    private final DataScope scope;
    private final Banks banks;
    private final Branches branches;
    private final BookletPdf pdf;
    private final BookletXlsx xlsx;
    private final TransactionTemplate tx;

    Booklets(
            Panels panels,
            HouseholdRoster roster,
            BookletStore store,
            AuditLog audit,
            DataScope scope,
            Banks banks,
            Branches branches,
            PlatformTransactionManager transactions,
            @Value("${sunshine.booklet.sheet-password:sunshine}") String sheetPassword) {
        this.panels = panels;
        this.roster = roster;
        this.store = store;
        this.audit = audit;
        this.scope = scope;
        this.banks = banks;
        this.branches = branches;
        this.pdf = new BookletPdf(CjkFont.get());
        this.xlsx = new BookletXlsx(sheetPassword);
        this.tx = new TransactionTemplate(transactions);
    }

    /** The panel with its printed versions; 404 when the panel is missing or outside the caller's scope. */
    @Transactional(readOnly = true)
    public Overview overview(long panelId) {
        PanelSheet sheet = panels.requireSheet(panelId);
        List<BookletPrint> prints =
                store.all(panelId).stream().map(this::toPrint).toList();
        BookletContent now = current(sheet, 0, today());
        boolean changed = !prints.isEmpty() && !prints.get(0).contentHash().equals(now.contentHash());
        return new Overview(sheet, prints, now.rows().size(), changed);
    }

    /**
     * Prints the panel's booklet: records a new version when the content differs from the latest one, else
     * reuses the latest; written to the audit log either way. The panel must be confirmed (R12) and have members.
     */
    @PreAuthorize(BookletRoles.PRINT)
    @Transactional
    public BookletPrint print(long panelId) {
        return printSheet(panels.requireSheet(panelId), Map.of()).print();
    }

    /** The versions of a panel, newest first. */
    @Transactional(readOnly = true)
    public List<BookletPrint> prints(long panelId) {
        panels.requireSheet(panelId);
        return store.all(panelId).stream().map(this::toPrint).toList();
    }

    /** One version of a panel's booklet, or 404. */
    @Transactional(readOnly = true)
    public BookletPrint printed(long panelId, int version) {
        panels.requireSheet(panelId);
        return store.find(panelId, version)
                .map(this::toPrint)
                .orElseThrow(() -> new NotFoundException("booklet_print", "P" + panelId + "-V" + version));
    }

    /**
     * The households a printed version lists, in row order (row 1 first): what an uploaded copy's rows are
     * matched against (issue 5).
     */
    @Transactional(readOnly = true)
    public List<Long> households(long panelId, int version) {
        return store.households(printed(panelId, version).id());
    }

    /** The files of a printed version, ready to be written (not yet audited: each write is). */
    @Transactional(readOnly = true)
    public BookletFiles files(long panelId, int version) {
        PanelSheet sheet = panels.requireSheet(panelId);
        BookletStore.Stored s = store.find(panelId, version)
                .orElseThrow(() -> new NotFoundException("booklet_print", "P" + panelId + "-V" + version));
        return new BookletFiles(toPrint(s), stored(sheet, s), pdf, xlsx, audit);
    }

    /** The branch's name, or 404 when it lies outside the caller's scope (checked before a download starts). */
    @PreAuthorize(BookletRoles.PRINT)
    @Transactional(readOnly = true)
    public String branchName(long branchId) {
        return branches.get(branchId).name();
    }

    /**
     * All confirmed panels of a branch's subtree in one zip, one folder per panel, each copy as PDF and/or xlsx.
     * Each panel is printed on the way (a version recorded, or the latest reused when nothing changed), in its own
     * transaction, so a download cut short keeps the versions of the panels already written.
     */
    @PreAuthorize(BookletRoles.PRINT)
    public int branchZip(long branchId, Set<Format> formats, OutputStream out) throws IOException {
        List<PanelSheet> sheets = panels.confirmedIn(branchId).stream()
                .filter(s -> !s.regularSeats().isEmpty())
                .toList();
        ZipOutputStream zip = new ZipOutputStream(out);
        // PDFs and workbooks are compressed already
        zip.setLevel(Deflater.NO_COMPRESSION);
        // panels are printed and rendered on as many threads as there are processors (at most two), a few ahead
        // of the zip, which takes them in order: the database work of one overlaps the rendering of another
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        SecurityContext caller = SecurityContextHolder.getContext();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "booklet-render");
            t.setDaemon(true);
            return t;
        });
        Set<String> folders = new HashSet<>();
        try {
            Deque<Future<Rendered>> ahead = new ArrayDeque<>();
            Iterator<PanelSheet> next = sheets.iterator();
            while (ahead.size() <= threads && next.hasNext()) {
                ahead.add(pool.submit(render(next.next(), formats, caller)));
            }
            while (!ahead.isEmpty()) {
                Rendered r = take(ahead.poll());
                if (next.hasNext()) {
                    ahead.add(pool.submit(render(next.next(), formats, caller)));
                }
                String folder =
                        BookletFiles.safe(r.sheet().name()) + "-" + r.print().versionLabel();
                if (!folders.add(folder)) {
                    folder = folder + "-" + r.sheet().id();
                }
                for (BookletFiles.Entry e : r.entries()) {
                    e.writeTo(zip, folder + "/");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (sheets.isEmpty()) {
            zip.putNextEntry(new ZipEntry("没有可打印的评议小组.txt"));
            zip.write("本机构及下级机构没有已确认、有成员的评议小组。\r\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        out.flush();
        return sheets.size();
    }

    private record Rendered(PanelSheet sheet, BookletPrint print, List<BookletFiles.Entry> entries) {}

    private Callable<Rendered> render(PanelSheet sheet, Set<Format> formats, SecurityContext caller) {
        return () -> {
            SecurityContextHolder.setContext(caller);
            try {
                // one audit entry for the print and its download
                Map<String, Object> download = Map.of(
                        "download",
                        formats.stream().map(Format::extension).sorted().toList());
                Printed p = tx.execute(s -> printSheet(sheet, download));
                BookletFiles files = new BookletFiles(p.print(), p.content(), pdf, xlsx, audit);
                return new Rendered(sheet, p.print(), files.renderAll(formats, false));
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    private static Rendered take(Future<Rendered> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("booklet download interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A print just made or reused, with the content to render. */
    record Printed(BookletPrint print, BookletContent content) {}

    /** Prints (records or reuses a version) and audits it, with {@code detail} added to the entry. */
    Printed printSheet(PanelSheet sheet, Map<String, Object> detail) {
        if (sheet.status() != PanelStatus.CONFIRMED) {
            throw BusinessException.conflict("booklet.error.notConfirmed", sheet.name());
        }
        if (sheet.regularSeats().isEmpty()) {
            throw BusinessException.conflict("booklet.error.noMembers", sheet.name());
        }
        LocalDate today = today();
        BookletContent content = current(sheet, 0, today);
        String hash = content.contentHash();
        store.lock(sheet.id());
        Optional<BookletStore.Stored> latest = store.latest(sheet.id());
        boolean reused = latest.isPresent() && latest.get().contentHash().equals(hash);
        BookletStore.Stored s;
        if (reused) {
            s = latest.get();
        } else {
            int version = latest.map(l -> l.version() + 1).orElse(1);
            CurrentUser user = scope.user();
            s = store.insert(
                    sheet.bankId(),
                    sheet.branchId(),
                    content.asVersion(version, today),
                    hash,
                    user.staffId(),
                    user.name(),
                    Instant.now());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("panel", sheet.id());
        after.put("version", s.version());
        after.put("households", s.households());
        after.put("copies", s.copies().size());
        after.put("new", !reused);
        after.putAll(detail);
        audit.record("BOOKLET_PRINT", "booklet_print", s.id(), null, after);
        return new Printed(toPrint(s), content.asVersion(s.version(), date(s.printedAt())));
    }

    /** The booklet as the panel's households are now. */
    private BookletContent current(PanelSheet sheet, int version, LocalDate on) {
        List<BookletContent.Row> rows = new ArrayList<>();
        int no = 1;
        for (HouseholdRoster.Entry e : roster.ofAreas(sheet.areaIds())) {
            rows.add(row(no++, e));
        }
        return new BookletContent(
                banks.current().name(), sheet.branchName(), sheet.id(), sheet.name(), version, on, copies(sheet), rows);
    }

    /** A printed version: its households in its order, as they are now (one gone since keeps its row). */
    private BookletContent stored(PanelSheet sheet, BookletStore.Stored s) {
        List<Long> ids = store.households(s.id());
        Map<Long, HouseholdRoster.Entry> found = new HashMap<>();
        roster.byIds(ids).forEach(e -> found.put(e.householdId(), e));
        List<BookletContent.Row> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            HouseholdRoster.Entry e = found.get(ids.get(i));
            rows.add(
                    e == null
                            ? new BookletContent.Row(i + 1, ids.get(i), "（此户已撤销）", List.of(), "", "", "")
                            : row(i + 1, e));
        }
        return new BookletContent(
                banks.current().name(),
                sheet.branchName(),
                sheet.id(),
                sheet.name(),
                s.version(),
                date(s.printedAt()),
                s.copies(),
                rows);
    }

    private static BookletContent.Row row(int no, HouseholdRoster.Entry e) {
        List<String> members = new ArrayList<>(e.members().size());
        for (HouseholdRoster.Member m : e.members()) {
            members.add(m.name() + "（" + FilingColumns.label(m.relationship()) + "）");
        }
        return new BookletContent.Row(
                no, e.householdId(), e.representative(), members, e.residentIdMasked(), e.address(), e.phone());
    }

    private static List<BookletContent.Copy> copies(PanelSheet sheet) {
        List<BookletContent.Copy> copies = new ArrayList<>();
        for (PanelSeat seat : sheet.regularSeats()) {
            copies.add(new BookletContent.Copy(
                    seat.seat(), seat.name(), BookletText.role(seat.role()), seat.householdId()));
        }
        return copies;
    }

    private BookletPrint toPrint(BookletStore.Stored s) {
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

    private static LocalDate today() {
        return Today.date();
    }

    private static LocalDate date(Instant at) {
        return at.atZone(ZONE).toLocalDate();
    }
}
