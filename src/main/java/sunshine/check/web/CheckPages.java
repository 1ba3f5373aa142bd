package sunshine.check.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.check.CheckList;
import sunshine.check.CheckRoles;
import sunshine.check.Referrals;
import sunshine.check.Snapshot;
import sunshine.check.SnapshotKind;
import sunshine.check.SnapshotTemplate;
import sunshine.check.Snapshots;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;
import sunshine.shared.PageResult;
import sunshine.shared.Today;
import sunshine.shared.web.Downloads;

/** Pages of the checks: snapshots per kind, upload with templates, refused rows, flagged households. */
@Controller
@PreAuthorize(CheckRoles.READ)
class CheckPages {

    private final Snapshots snapshots;
    private final SnapshotTemplate template;
    private final CheckList list;
    private final MessageSource messages;
    private final Referrals referrals;

    CheckPages(
            Snapshots snapshots,
            SnapshotTemplate template,
            CheckList list,
            MessageSource messages,
            Referrals referrals) {
        this.referrals = referrals;
        this.snapshots = snapshots;
        this.template = template;
        this.list = list;
        this.messages = messages;
    }

    @GetMapping("/checks")
    String home(Model model) {
        Map<SnapshotKind, List<Snapshot>> byKind = new EnumMap<>(SnapshotKind.class);
        for (SnapshotKind k : SnapshotKind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        snapshots.list(null).forEach(s -> byKind.get(s.kind()).add(s));
        model.addAttribute("byKind", byKind);
        model.addAttribute("current", snapshots.current().ids());
        // audit cases past their deadline stand out on the first page audit opens (issue 6 point 3)
        model.addAttribute("overdue", referrals.overdue());
        return "check/home";
    }

    @GetMapping("/checks/upload")
    @PreAuthorize(CheckRoles.UPLOAD)
    String uploadForm(@RequestParam(required = false) SnapshotKind kind, Model model) {
        model.addAttribute("kinds", SnapshotKind.values());
        model.addAttribute("kind", kind == null ? SnapshotKind.LEDGER : kind);
        model.addAttribute("today", Today.date());
        return "check/upload";
    }

    @PostMapping("/checks/upload")
    @PreAuthorize(CheckRoles.UPLOAD)
    String upload(
            @RequestParam SnapshotKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam("file") MultipartFile file,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            Snapshots.Upload u = snapshots.upload(kind, asOf, file.getOriginalFilename(), in);
            flash.addFlashAttribute("alreadyLoaded", u.alreadyLoaded());
            return "redirect:/checks/snapshots/" + u.snapshot().id();
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return uploadForm(kind, model);
        }
    }

    @GetMapping("/checks/templates/{kind}.xlsx")
    void templateXlsx(@PathVariable SnapshotKind kind, HttpServletResponse response) throws IOException {
        Downloads.xlsx(response, kind.title() + "模板.xlsx");
        template.xlsx(kind, response.getOutputStream());
    }

    @GetMapping("/checks/templates/{kind}.csv")
    void templateCsv(@PathVariable SnapshotKind kind, HttpServletResponse response) throws IOException {
        csvHeaders(response, kind.title() + "模板.csv");
        template.csv(kind, response.getOutputStream());
    }

    @GetMapping("/checks/snapshots/{id}")
    String snapshot(
            @PathVariable long id,
            @RequestParam(defaultValue = "INVALID") String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer row,
            Locale locale,
            Model model) {
        Snapshot snap = snapshots.get(id);
        model.addAttribute("snap", snap);
        model.addAttribute("partial", !snapshots.wholeFileInScope(snap));
        if (row != null) {
            // the row a finding or a removal names, with all its cells
            model.addAttribute("rowNo", row);
            snapshots.row(id, row).ifPresent(d -> {
                model.addAttribute("detail", d);
                model.addAttribute("detailReasons", reasons(d.reasons(), locale));
            });
        }
        model.addAttribute("progress", snapshots.progress(id));
        model.addAttribute("errorText", errorText(snap, locale));
        String shown = "VALID".equals(status) ? "VALID" : "INVALID";
        PageResult<Snapshots.Row> rows = snapshots.rows(id, shown, new PageResult.Request(page, 100));
        Map<Integer, String> text = new HashMap<>();
        rows.items().forEach(r -> text.put(r.rowNo(), reasons(r.reasons(), locale)));
        model.addAttribute("shown", shown);
        model.addAttribute("rows", rows);
        model.addAttribute("reasonText", text);
        return "check/snapshot";
    }

    /** The progress panel alone, polled by htmx while the file is read; the page reloads when it is done. */
    @GetMapping("/checks/snapshots/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        // the counter before the status (see CheckApi.progress)
        long counted = snapshots.progress(id);
        Snapshot snap = snapshots.get(id);
        model.addAttribute("snap", snap);
        model.addAttribute("progress", counted);
        if (snap.status() != Snapshot.Status.LOADING) {
            response.setHeader("HX-Refresh", "true");
        }
        return "check/snapshot :: progress";
    }

    /** Why a load failed, in the reader's language (a header message names the column). */
    private String errorText(Snapshot snap, Locale locale) {
        if (snap.errorKey() == null) {
            return null;
        }
        return messages.getMessage(snap.errorKey(), snap.errorArgs().toArray(), snap.errorKey(), locale);
    }

    @GetMapping("/checks/households")
    String households(
            @RequestParam(defaultValue = "ALL") CheckList.Filter filter,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("filters", CheckList.Filter.values());
        model.addAttribute("page", list.households(filter, new PageResult.Request(page, 50)));
        return "check/households";
    }

    /** FIELD:key|arg;... in the reader's language: 「column」 message. */
    private String reasons(String coded, Locale locale) {
        if (coded == null || coded.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : coded.split(";")) {
            int colon = part.indexOf(':');
            String field = colon < 0 ? "" : part.substring(0, colon);
            String[] keyArgs = part.substring(colon + 1).split("\\|");
            Object[] args = java.util.Arrays.copyOfRange(keyArgs, 1, keyArgs.length);
            if (!sb.isEmpty()) {
                sb.append("；");
            }
            sb.append(messages.getMessage("check.field." + field, null, field, locale))
                    .append(": ")
                    .append(messages.getMessage(keyArgs[0], args, keyArgs[0], locale));
        }
        return sb.toString();
    }

    static void csvHeaders(HttpServletResponse response, String fileName) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"template.csv\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
