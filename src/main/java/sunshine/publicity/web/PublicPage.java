package sunshine.publicity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import sunshine.publicity.ComplaintCommand;
import sunshine.publicity.Complaints;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublicArea;
import sunshine.publicity.PublicLinks;
import sunshine.publicity.PublicNoticeSection;
import sunshine.publicity.PublishedTerms;
import sunshine.shared.Today;

/**
 * An area's public page (R27, R35), reached without login through its short link {@code /p/{token}} (also the QR code
 * on the poster): the terms in force, the account managers, the complaint phone, the panel members, and a form to
 * raise an objection or complaint (R33); during a notice period an objection may name a line of the notice and then
 * also enters the notice's objections (R27). Light for an old phone: no script, one small inline style sheet.
 */
@Controller
class PublicPage {

    private final PublicLinks links;
    private final PublishedTerms terms;
    private final Complaints complaints;
    private final RateLimiter limiter;
    private final Challenge challenge;
    private final List<PublicNoticeSection> notices;

    PublicPage(
            PublicLinks links,
            PublishedTerms terms,
            Complaints complaints,
            RateLimiter limiter,
            Challenge challenge,
            List<PublicNoticeSection> notices) {
        this.links = links;
        this.terms = terms;
        this.complaints = complaints;
        this.limiter = limiter;
        this.challenge = challenge;
        this.notices = notices;
    }

    @GetMapping("/p/{token}")
    String show(@PathVariable String token, HttpServletRequest req, HttpServletResponse res, Model model) {
        if (!limiter.allowPage(req.getRemoteAddr())) {
            return tooMany(res);
        }
        PublicArea area = resolve(token);
        fill(model, area);
        return "publicity/public";
    }

    @PostMapping("/p/{token}/complaint")
    String complain(
            @PathVariable String token,
            @RequestParam(defaultValue = "COMPLAINT") String kind,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String content,
            @RequestParam(required = false) Long about,
            @RequestParam(required = false) String challengeToken,
            @RequestParam(required = false) String answer,
            HttpServletRequest req,
            HttpServletResponse res,
            Model model) {
        if (!limiter.allowComplaint(req.getRemoteAddr())) {
            return tooMany(res);
        }
        PublicArea area = resolve(token);
        // a name chosen from the notice makes it an objection to that line (R27), whatever the kind selected
        if (about != null) {
            kind = "OBJECTION";
        }
        ComplaintCommand cmd = new ComplaintCommand(area.areaId(), kind, name, phone, content);
        String error = null;
        if (!challenge.check(challengeToken, answer)) {
            error = "public.error.answer";
        } else if (!kind.matches("OBJECTION|COMPLAINT")
                || !phone.strip().matches("[0-9+\\- ]{7,20}")
                || content.isBlank()
                || content.length() > 2000
                || (name != null && name.length() > 50)) {
            error = "public.error.fields";
        }
        fill(model, area);
        if (error != null) {
            res.setStatus(400);
            model.addAttribute("errorKey", error);
            model.addAttribute("form", cmd);
            model.addAttribute("about", about);
            return "publicity/public";
        }
        Complaints.Receipt receipt = complaints.receivePublic(area, cmd, about);
        model.addAttribute("receivedNo", receipt.id());
        model.addAttribute("objectedName", receipt.objectedName());
        // the page shows the notice as it stands now (a line under objection stays on it)
        fill(model, area);
        return "publicity/public";
    }

    private PublicArea resolve(String token) {
        return links.resolve(token)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private void fill(Model model, PublicArea area) {
        LocalDate today = Today.date();
        model.addAttribute("area", area);
        model.addAttribute("terms", terms.inForce(area.bankId(), today).orElse(null));
        model.addAttribute("question", challenge.next());
        // R27: the notice of proposed amounts shows only in PUBLIC mode; in INTERNAL mode it is never even asked for
        Optional<PublicNoticeSection.Notice> notice = Optional.empty();
        if (terms.noticeMode(area.bankId()) == NoticeMode.PUBLIC) {
            notice = notices.stream()
                    .map(n -> n.noticeFor(area.areaId(), today))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        model.addAttribute("notice", notice.orElse(null));
    }

    private static String tooMany(HttpServletResponse res) {
        res.setStatus(429);
        res.setHeader("Retry-After", "60");
        return "publicity/too-many";
    }
}
