package sunshine.access.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.access.Accounts;
import sunshine.access.ApiTokens;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;

/** Pages: a staff member's login account (for administrators and branch heads), my password, my API tokens. */
@Controller
class AccessPages {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final StaffDirectory staff;

    AccessPages(Accounts accounts, ApiTokens tokens, StaffDirectory staff) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.staff = staff;
    }

    @GetMapping("/org/staff/{id}/account")
    @PreAuthorize("hasAnyRole('ADMIN','BRANCH_HEAD')")
    String account(@PathVariable long id, Model model) {
        model.addAttribute("member", staff.get(id));
        model.addAttribute("account", accounts.find(id).orElse(null));
        return "access/account";
    }

    @PostMapping("/org/staff/{id}/account")
    @PreAuthorize("hasAnyRole('ADMIN','BRANCH_HEAD')")
    String setLogin(
            @PathVariable long id,
            @RequestParam String username,
            @RequestParam String password,
            Model model,
            RedirectAttributes flash) {
        try {
            accounts.setLogin(id, username.trim(), accounts.prepare(password));
            flash.addFlashAttribute("saved", username.trim());
            return "redirect:/org/staff/" + id + "/account";
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("username", username);
            return account(id, model);
        }
    }

    @PostMapping("/org/staff/{id}/account/unlock")
    @PreAuthorize("hasAnyRole('ADMIN','BRANCH_HEAD')")
    String unlock(@PathVariable long id, RedirectAttributes flash) {
        accounts.unlock(id);
        flash.addFlashAttribute("saved", "unlock");
        return "redirect:/org/staff/" + id + "/account";
    }

    @GetMapping("/me")
    String me(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "access/me";
    }

    @PostMapping("/me/password")
    String changePassword(
            @RequestParam String current, @RequestParam String next, Model model, RedirectAttributes flash) {
        try {
            accounts.changeOwnPassword(current, next);
            flash.addFlashAttribute("saved", "password");
            return "redirect:/me";
        } catch (BusinessException e) {
            model.addAttribute("errorKey", e.messageKey());
            return me(model);
        }
    }

    @PostMapping("/me/tokens")
    String createToken(@RequestParam String name, @RequestParam(defaultValue = "90") int days, Model model) {
        try {
            model.addAttribute("created", tokens.create(name, days));
        } catch (BusinessException e) {
            model.addAttribute("errorKey", e.messageKey());
        }
        return me(model);
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(id);
        flash.addFlashAttribute("saved", "revoked");
        return "redirect:/me";
    }

    /** Tokens through the API (a script can rotate its own token). */
    @RestController
    @RequestMapping("/api/v1/tokens")
    static class TokenApi {
        private final ApiTokens tokens;

        TokenApi(ApiTokens tokens) {
            this.tokens = tokens;
        }

        record NewToken(String name, Integer days) {}

        @GetMapping
        java.util.List<ApiTokens.Token> mine() {
            return tokens.mine();
        }

        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        ApiTokens.Created create(@RequestBody NewToken req) {
            return tokens.create(req.name(), req.days() == null ? 90 : req.days());
        }

        @DeleteMapping("/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void revoke(@PathVariable long id) {
            tokens.revoke(id);
        }
    }
}
