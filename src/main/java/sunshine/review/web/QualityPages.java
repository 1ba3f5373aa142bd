package sunshine.review.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sunshine.review.PanelQuality;
import sunshine.review.ResultRoles;

/** Panel quality for the branch head (issue 5 point 10): one panel's members, and every panel of the scope ranked. */
@Controller
@PreAuthorize(ResultRoles.VIEW)
class QualityPages {

    /** A member with the panel it sits on, for the ranking across panels. */
    record RankedMember(PanelQuality.Report report, PanelQuality.Member member) {}

    private final PanelQuality quality;

    QualityPages(PanelQuality quality) {
        this.quality = quality;
    }

    @GetMapping("/panels/{id}/quality")
    String panel(@PathVariable long id, Model model) {
        PanelQuality.Report r = quality.of(id);
        model.addAttribute("reports", List.of(r));
        model.addAttribute("panel", r.panel());
        model.addAttribute("single", true);
        return "review/quality";
    }

    @GetMapping("/review/quality")
    String ranking(Model model) {
        List<PanelQuality.Report> reports = quality.ranking();
        List<RankedMember> members = reports.stream()
                .flatMap(r ->
                        r.members().stream().filter(m -> !m.flags().isEmpty()).map(m -> new RankedMember(r, m)))
                .sorted(Comparator.comparingInt(
                                (RankedMember m) -> m.member().flags().size())
                        .reversed())
                .toList();
        model.addAttribute("reports", reports);
        model.addAttribute("members", members);
        model.addAttribute("single", false);
        return "review/quality";
    }
}
