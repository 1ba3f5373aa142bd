package sunshine.customer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.customer.Coverage;
import sunshine.customer.Customer;
import sunshine.customer.CustomerRow;
import sunshine.customer.CustomerSearch;
import sunshine.customer.Customers;
import sunshine.customer.DataSource;
import sunshine.customer.DocumentKind;
import sunshine.customer.Documents;
import sunshine.customer.ExclusionReason;
import sunshine.customer.Exclusions;
import sunshine.customer.FilingCommand;
import sunshine.customer.FilingRejected;
import sunshine.customer.Household;
import sunshine.customer.Households;
import sunshine.customer.Relationship;
import sunshine.customer.Roles;
import sunshine.shared.PageResult;

/** REST API of filing: customers, households, exclusions, documents, coverage. Identifiers masked unless unmasked. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "filing", description = "客户建档 Customer filing")
@PreAuthorize(Roles.READ)
class CustomerApi {

    private final Customers customers;
    private final CustomerSearch search;
    private final Households households;
    private final Exclusions exclusions;
    private final Documents documents;
    private final Coverage coverage;
    private final MessageSource messages;

    CustomerApi(
            Customers customers,
            CustomerSearch search,
            Households households,
            Exclusions exclusions,
            Documents documents,
            Coverage coverage,
            MessageSource messages) {
        this.customers = customers;
        this.search = search;
        this.households = households;
        this.exclusions = exclusions;
        this.documents = documents;
        this.coverage = coverage;
        this.messages = messages;
    }

    @GetMapping("/customers")
    @Operation(summary = "查询客户 Search: name, pinyin initials, full ID or its last digits, phone")
    PageResult<CustomerRow> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) Long managerId,
            @RequestParam(required = false) Boolean excluded,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return search.list(
                new CustomerSearch.Filter(q, branchId, areaId, managerId, excluded),
                sort,
                new PageResult.Request(page, size));
    }

    @GetMapping("/customers/{id}")
    Customer get(@PathVariable long id) {
        return customers.get(id).masked();
    }

    @PostMapping("/customers/{id}/unmask")
    @PreAuthorize(Roles.UNMASK)
    @Operation(summary = "查看完整信息（记入审计日志） The full file, written to the audit log")
    Customer unmask(@PathVariable long id) {
        return customers.unmask(id);
    }

    @PostMapping("/customers")
    @PreAuthorize(Roles.FILE)
    @Operation(summary = "建档或更新档案 File a person; a known resident ID refreshes the existing file")
    ResponseEntity<Customers.Outcome> file(@RequestBody FilingCommand cmd) {
        Customers.Outcome o = customers.file(cmd, DataSource.API);
        Customers.Outcome masked = new Customers.Outcome(o.customer().masked(), o.created(), o.changedFields());
        return ResponseEntity.status(o.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(masked);
    }

    @GetMapping("/customers/{id}/history")
    List<Customers.Change> history(@PathVariable long id) {
        return customers.history(id);
    }

    record Exclude(ExclusionReason reason, String note, String evidence) {}

    @PostMapping("/customers/{id}/exclusion")
    @PreAuthorize(Roles.EXCLUDE)
    Customer exclude(@PathVariable long id, @RequestBody Exclude body) {
        exclusions.exclude(id, body.reason(), body.note(), body.evidence());
        return customers.get(id).masked();
    }

    record Lift(String note) {}

    @PostMapping("/customers/{id}/exclusion/lift")
    @PreAuthorize(Roles.LIFT)
    Customer lift(@PathVariable long id, @RequestBody Lift body) {
        exclusions.lift(id, body.note());
        return customers.get(id).masked();
    }

    @GetMapping("/customers/{id}/exclusions")
    List<Exclusions.Exclusion> exclusions(@PathVariable long id) {
        return exclusions.of(id);
    }

    record NewDocument(DocumentKind kind, LocalDate receivedOn, LocalDate validUntil, String note) {}

    @PostMapping("/customers/{id}/documents")
    @PreAuthorize(Roles.DOCUMENTS)
    List<Documents.Document> addDocument(@PathVariable long id, @RequestBody NewDocument d) {
        documents.record(id, d.kind(), d.receivedOn(), d.validUntil(), d.note());
        return documents.of(id);
    }

    @GetMapping("/customers/{id}/documents")
    List<Documents.Document> documents(@PathVariable long id) {
        return documents.of(id);
    }

    record CreditQuery(String purpose) {}

    @PostMapping("/customers/{id}/credit-queries")
    @PreAuthorize(Roles.CREDIT_QUERY)
    List<Documents.Query> creditQuery(@PathVariable long id, @RequestBody CreditQuery q) {
        documents.recordCreditQuery(id, q.purpose());
        return documents.queries(id);
    }

    record Questionnaire(Map<String, Boolean> answers, LocalDate answeredOn) {}

    @PutMapping("/customers/{id}/questionnaire")
    @PreAuthorize(Roles.DOCUMENTS)
    Map<String, Boolean> questionnaire(@PathVariable long id, @RequestBody Questionnaire q) {
        documents.answerQuestionnaire(id, q.answers(), q.answeredOn());
        return documents.questionnaire(id);
    }

    @GetMapping("/households/{id}")
    Household household(@PathVariable long id) {
        return households.get(id);
    }

    record Move(long householdId, Relationship relationship, Long newRepresentativeId) {}

    @PostMapping("/customers/{id}/move")
    @PreAuthorize(Roles.HOUSEHOLD)
    @Operation(summary = "调整家庭 Move a person into another household")
    Household move(@PathVariable long id, @RequestBody Move m) {
        return households.move(id, m.householdId(), m.relationship(), m.newRepresentativeId());
    }

    record Merge(long intoHouseholdId, Relationship formerRepresentativeRelationship) {}

    @PostMapping("/households/{id}/merge")
    @PreAuthorize(Roles.HOUSEHOLD)
    @Operation(summary = "合并家庭 Merge this household into another")
    Household merge(@PathVariable long id, @RequestBody Merge m) {
        return households.merge(id, m.intoHouseholdId(), m.formerRepresentativeRelationship());
    }

    record Representative(long customerId, Relationship formerRepresentativeRelationship) {}

    @PostMapping("/households/{id}/representative")
    @PreAuthorize(Roles.HOUSEHOLD)
    Household representative(@PathVariable long id, @RequestBody Representative r) {
        return households.setRepresentative(id, r.customerId(), r.formerRepresentativeRelationship());
    }

    @GetMapping("/filing/coverage")
    @Operation(summary = "建档覆盖率 Filing coverage (R9) by AREA, BRANCH or MANAGER")
    List<Coverage.Line> coverage(
            @RequestParam(defaultValue = "AREA") Coverage.By by, @RequestParam(required = false) Long branchId) {
        return coverage.by(by, branchId);
    }

    /** Every field problem of a refused filing, in the caller's language. */
    @ExceptionHandler(FilingRejected.class)
    ProblemDetail rejected(FilingRejected e) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage(e.messageKey(), e.args(), locale));
        p.setTitle(messages.getMessage("error.title.400", null, locale));
        p.setProperty("code", e.messageKey());
        p.setProperty(
                "errors",
                e.problems().stream()
                        .map(f -> Map.of(
                                "field", f.field(), "message", messages.getMessage(f.messageKey(), f.args(), locale)))
                        .toList());
        return p;
    }
}
