package sunshine.approval.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.approval.ApprovalRoles;
import sunshine.approval.ApprovalSettings;
import sunshine.approval.ChainStage;
import sunshine.approval.Stage;
import sunshine.publicity.NoticeMode;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/** The bank's approval settings (head-office credit): PUBLIC/INTERNAL (R27), the notice period, the chain (R26). */
@Controller
@PreAuthorize(ApprovalRoles.SETTINGS)
class SettingsPage {

    private final ApprovalSettings settings;

    SettingsPage(ApprovalSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/approval/settings")
    String show(Model model) {
        model.addAttribute("s", settings.of(CurrentUser.require().bankId()));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("modes", NoticeMode.values());
        model.addAttribute(
                "roles",
                List.of(Role.ACCOUNT_MANAGER, Role.CREDIT_SUPERVISOR, Role.BRANCH_HEAD, Role.HO_CREDIT, Role.HO_RISK));
        return "approval/settings";
    }

    /**
     * One row per stage kind: {@code pos_<STAGE>} (empty = not in the chain; the order otherwise),
     * {@code role_<STAGE>}, {@code above_<STAGE>} (empty = every amount).
     */
    @PostMapping("/approval/settings")
    String save(
            @RequestParam NoticeMode mode,
            @RequestParam int noticeDays,
            @RequestParam int termMonths,
            @RequestParam int version,
            @RequestParam java.util.Map<String, String> form,
            RedirectAttributes flash) {
        try {
            settings.save(mode, noticeDays, termMonths, version, stages(form));
            flash.addFlashAttribute("doneKey", "approval.done.settings");
            flash.addFlashAttribute("doneArgs", new Object[0]);
        } catch (BusinessException e) {
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/approval/settings";
    }

    private static List<ChainStage> stages(java.util.Map<String, String> form) {
        List<ChainStage> chosen = new ArrayList<>();
        for (Stage s : Stage.values()) {
            String pos = form.getOrDefault("pos_" + s.name(), "").strip();
            if (pos.isEmpty()) {
                continue;
            }
            String role = form.getOrDefault("role_" + s.name(), s.defaultRole().name());
            String above = form.getOrDefault("above_" + s.name(), "").strip();
            try {
                chosen.add(new ChainStage(
                        Integer.parseInt(pos), s, Role.valueOf(role), above.isEmpty() ? null : new BigDecimal(above)));
            } catch (IllegalArgumentException e) {
                throw new BusinessException("approval.error.chainAmount", s.name());
            }
        }
        chosen.sort(Comparator.comparingInt(ChainStage::position));
        return chosen;
    }
}
