package sunshine.customer.web;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.customer.Coverage;
import sunshine.customer.Customer;
import sunshine.customer.CustomerSearch;
import sunshine.customer.CustomerType;
import sunshine.customer.Customers;
import sunshine.customer.DataSource;
import sunshine.customer.DocumentKind;
import sunshine.customer.Documents;
import sunshine.customer.ExclusionReason;
import sunshine.customer.Exclusions;
import sunshine.customer.FilingFields;
import sunshine.customer.FilingRejected;
import sunshine.customer.Households;
import sunshine.customer.Relationship;
import sunshine.customer.Residence;
import sunshine.customer.Roles;
import sunshine.organisation.Areas;
import sunshine.organisation.Branches;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.PageResult;
import sunshine.shared.Today;
import sunshine.shared.web.Forms;

/** Pages of filing: the customer list and search, one file, the filing form, households, coverage. */
@Controller
@PreAuthorize(Roles.READ)
class CustomerPages {

    private final Customers customers;
    private final CustomerSearch search;
    private final Households households;
    private final Exclusions exclusions;
    private final Documents documents;
    private final Coverage coverage;
    private final FilingFields fields;
    private final Areas areas;
    private final Branches branches;

    CustomerPages(
            Customers customers,
            CustomerSearch search,
            Households households,
            Exclusions exclusions,
            Documents documents,
            Coverage coverage,
            FilingFields fields,
            Areas areas,
            Branches branches) {
        this.customers = customers;
        this.search = search;
        this.households = households;
        this.exclusions = exclusions;
        this.documents = documents;
        this.coverage = coverage;
        this.fields = fields;
        this.areas = areas;
        this.branches = branches;
    }

    @GetMapping("/customers")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) Long managerId,
            @RequestParam(required = false) Boolean excluded,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute(
                "result",
                search.list(
                        new CustomerSearch.Filter(q, branchId, areaId, managerId, excluded),
                        sort,
                        new PageResult.Request(page, 50)));
        model.addAttribute("branches", branches.tree());
        model.addAttribute("area", areaId == null ? null : areas.get(areaId));
        model.addAttribute("q", q);
        model.addAttribute("branchId", branchId);
        model.addAttribute("areaId", areaId);
        model.addAttribute("managerId", managerId);
        model.addAttribute("excluded", excluded);
        model.addAttribute("sort", sort);
        return "customer/list";
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable long id, Model model) {
        return show(customers.get(id).masked(), false, model);
    }

    @PostMapping("/customers/{id}/unmask")
    @PreAuthorize(Roles.UNMASK)
    String unmask(@PathVariable long id, Model model) {
        return show(customers.unmask(id), true, model);
    }

    private String show(Customer c, boolean unmasked, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("unmasked", unmasked);
        model.addAttribute("household", households.get(c.householdId()));
        model.addAttribute("history", customers.history(c.id()));
        model.addAttribute("exclusions", exclusions.of(c.id()));
        model.addAttribute("documents", documents.of(c.id()));
        model.addAttribute("queries", documents.queries(c.id()));
        model.addAttribute("questionnaire", documents.questionnaire(c.id()));
        model.addAttribute("questions", Documents.QUESTIONS);
        model.addAttribute("reasons", ExclusionReason.values());
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("fields", fields.of(c.bankId()));
        model.addAttribute("today", Today.date());
        return "customer/show";
    }

    @GetMapping("/customers/new")
    @PreAuthorize(Roles.FILE)
    String newCustomer(
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) Long householdId,
            Model model) {
        FilingForm form = new FilingForm();
        form.setAreaId(areaId);
        form.setHouseholdId(householdId);
        if (householdId != null) {
            form.setAreaId(households.get(householdId).areaId());
        }
        return form(model, form, null);
    }

    @GetMapping("/customers/{id}/edit")
    @PreAuthorize(Roles.FILE)
    String edit(@PathVariable long id, Model model) {
        Customer c = customers.unmask(id);
        return form(model, FilingForm.of(c), c);
    }

    @PostMapping("/customers")
    @PreAuthorize(Roles.FILE)
    String file(@ModelAttribute("form") FilingForm form, BindingResult result, Model model, RedirectAttributes flash) {
        try {
            Customers.Outcome o = customers.file(form.toCommand(), DataSource.MANUAL);
            flash.addFlashAttribute("saved", o.customer().name());
            flash.addFlashAttribute("changedFields", o.changedFields());
            flash.addFlashAttribute("created", o.created());
            return "redirect:/customers/" + o.customer().id();
        } catch (FilingRejected e) {
            e.problems()
                    .forEach(p -> result.rejectValue(formField(p.field()), p.messageKey(), p.args(), p.messageKey()));
        } catch (BusinessException e) {
            Forms.reject(result, e);
        }
        return form(model, form, null);
    }

    private String form(Model model, FilingForm form, Customer editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute(
                "areas",
                areas.list(null, null, null, null, "code", new PageResult.Request(0, 500))
                        .items());
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("residences", Residence.values());
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("fields", fields.of(CurrentUser.require().bankId()));
        model.addAttribute("household", form.getHouseholdId() == null ? null : households.get(form.getHouseholdId()));
        return "customer/form";
    }

    @PostMapping("/customers/{id}/exclusion")
    @PreAuthorize(Roles.EXCLUDE)
    String exclude(
            @PathVariable long id,
            @RequestParam ExclusionReason reason,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String evidence,
            RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            exclusions.exclude(id, reason, note, evidence);
            return customers.get(id).name();
        });
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/exclusion/lift")
    @PreAuthorize(Roles.LIFT)
    String lift(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            exclusions.lift(id, note);
            return customers.get(id).name();
        });
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/documents")
    @PreAuthorize(Roles.DOCUMENTS)
    String document(
            @PathVariable long id,
            @RequestParam DocumentKind kind,
            @RequestParam LocalDate receivedOn,
            @RequestParam(required = false) LocalDate validUntil,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            documents.record(id, kind, receivedOn, validUntil, note);
            return customers.get(id).name();
        });
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/credit-queries")
    @PreAuthorize(Roles.CREDIT_QUERY)
    String creditQuery(
            @PathVariable long id, @RequestParam(required = false) String purpose, RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            documents.recordCreditQuery(id, purpose);
            return customers.get(id).name();
        });
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/questionnaire")
    @PreAuthorize(Roles.DOCUMENTS)
    String questionnaire(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        Map<String, Boolean> answers = new java.util.TreeMap<>();
        for (String q : Documents.QUESTIONS) {
            if (params.containsKey("q_" + q)) {
                answers.put(q, "yes".equals(params.get("q_" + q)));
            }
        }
        Forms.flash(flash, () -> {
            documents.answerQuestionnaire(id, answers, Today.date());
            return customers.get(id).name();
        });
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/move")
    @PreAuthorize(Roles.HOUSEHOLD)
    String move(
            @PathVariable long id,
            @RequestParam long householdId,
            @RequestParam Relationship relationship,
            @RequestParam(required = false) Long newRepresentativeId,
            RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            households.move(id, householdId, relationship, newRepresentativeId);
            return customers.get(id).name();
        });
        return "redirect:/customers/" + id;
    }

    @PostMapping("/households/{id}/merge")
    @PreAuthorize(Roles.HOUSEHOLD)
    String merge(
            @PathVariable long id,
            @RequestParam long intoHouseholdId,
            @RequestParam Relationship relationship,
            RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            households.merge(id, intoHouseholdId, relationship);
            return "#" + intoHouseholdId;
        });
        return "redirect:/customers?sort=household&q=";
    }

    @PostMapping("/households/{id}/representative")
    @PreAuthorize(Roles.HOUSEHOLD)
    String representative(
            @PathVariable long id,
            @RequestParam long customerId,
            @RequestParam Relationship relationship,
            RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            households.setRepresentative(id, customerId, relationship);
            return customers.get(customerId).name();
        });
        return "redirect:/customers/" + customerId;
    }

    @GetMapping("/filing/coverage")
    String coverage(
            @RequestParam(defaultValue = "BRANCH") Coverage.By by,
            @RequestParam(required = false) Long branchId,
            Model model) {
        var lines = coverage.by(by, branchId);
        model.addAttribute("lines", lines);
        model.addAttribute("total", Coverage.total(lines, "total"));
        model.addAttribute("by", by);
        model.addAttribute("branchId", branchId);
        model.addAttribute("branches", branches.tree());
        model.addAttribute("target", Coverage.TARGET);
        return "customer/coverage";
    }

    /** The rules name template fields "extra.key"; the form binds them as "extra[key]". */
    static String formField(String field) {
        return field.startsWith("extra.") ? "extra[" + field.substring(6) + "]" : field;
    }
}
