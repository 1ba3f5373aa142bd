package sunshine.organisation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sunshine.organisation.Area;
import sunshine.organisation.AreaCommand;
import sunshine.organisation.AreaKind;
import sunshine.organisation.Areas;
import sunshine.organisation.Bank;
import sunshine.organisation.Banks;
import sunshine.organisation.Branch;
import sunshine.organisation.BranchCommand;
import sunshine.organisation.Branches;
import sunshine.organisation.DivisionCodeLoader;
import sunshine.organisation.DivisionImport;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffCommand;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.CurrentUser;
import sunshine.shared.PageResult;
import sunshine.shared.Role;

/** REST API of the organisation: the caller's bank, branch tree, staff and areas, all limited to their scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "organisation", description = "机构、员工与区域 Organisation, staff and areas")
class OrganisationApi {

    static final String ORG_ADMIN = "hasRole('ADMIN')";
    static final String STAFF_ADMIN = "hasAnyRole('ADMIN','BRANCH_HEAD')";
    static final String AREA_ADMIN = "hasAnyRole('ADMIN','BRANCH_HEAD','HO_BUSINESS_DEVELOPMENT')";

    private final Banks banks;
    private final Branches branches;
    private final StaffDirectory staff;
    private final Areas areas;
    private final DivisionCodeLoader divisions;

    OrganisationApi(Banks banks, Branches branches, StaffDirectory staff, Areas areas, DivisionCodeLoader divisions) {
        this.banks = banks;
        this.branches = branches;
        this.staff = staff;
        this.areas = areas;
        this.divisions = divisions;
    }

    record Me(CurrentUser user, Bank bank) {}

    @GetMapping("/me")
    @Operation(summary = "当前用户 The signed-in user and their bank")
    Me me() {
        return new Me(CurrentUser.require(), banks.current());
    }

    @GetMapping("/branches")
    @Operation(summary = "机构树 The branch tree of the caller's scope")
    List<Branch> branches() {
        return branches.tree();
    }

    @GetMapping("/branches/{id}")
    Branch branch(@PathVariable long id) {
        return branches.get(id);
    }

    @PostMapping("/branches")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ORG_ADMIN)
    Branch createBranch(@Valid @RequestBody BranchCommand cmd) {
        return branches.create(cmd);
    }

    @PutMapping("/branches/{id}")
    @PreAuthorize(ORG_ADMIN)
    Branch updateBranch(@PathVariable long id, @Valid @RequestBody BranchCommand cmd) {
        return branches.update(id, cmd);
    }

    record Move(long parentId, int version) {}

    @PostMapping("/branches/{id}/move")
    @PreAuthorize(ORG_ADMIN)
    Branch moveBranch(@PathVariable long id, @RequestBody Move move) {
        return branches.move(id, move.parentId(), move.version());
    }

    @PostMapping("/branches/{id}/deactivate")
    @PreAuthorize(ORG_ADMIN)
    Branch deactivateBranch(@PathVariable long id) {
        return branches.setActive(id, false);
    }

    @PostMapping("/branches/{id}/activate")
    @PreAuthorize(ORG_ADMIN)
    Branch activateBranch(@PathVariable long id) {
        return branches.setActive(id, true);
    }

    @GetMapping("/staff")
    @Operation(summary = "员工列表 Staff of the caller's scope, paged")
    PageResult<Staff> staff(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return staff.list(branchId, role, q, sort, new PageResult.Request(page, size));
    }

    @GetMapping("/staff/{id}")
    Staff staffMember(@PathVariable long id) {
        return staff.get(id);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(STAFF_ADMIN)
    Staff createStaff(@Valid @RequestBody StaffCommand cmd) {
        return staff.create(cmd);
    }

    @PutMapping("/staff/{id}")
    @PreAuthorize(STAFF_ADMIN)
    Staff updateStaff(@PathVariable long id, @Valid @RequestBody StaffCommand cmd) {
        return staff.update(id, cmd);
    }

    @PostMapping("/staff/{id}/deactivate")
    @PreAuthorize(STAFF_ADMIN)
    Staff deactivateStaff(@PathVariable long id) {
        return staff.setActive(id, false);
    }

    @PostMapping("/staff/{id}/activate")
    @PreAuthorize(STAFF_ADMIN)
    Staff activateStaff(@PathVariable long id) {
        return staff.setActive(id, true);
    }

    @GetMapping("/areas")
    @Operation(summary = "区域列表 Areas of the caller's scope, paged")
    PageResult<Area> areas(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) Long managerId,
            @RequestParam(required = false) AreaKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return areas.list(branchId, managerId, kind, q, sort, new PageResult.Request(page, size));
    }

    @GetMapping("/areas/{id}")
    Area area(@PathVariable long id) {
        return areas.get(id);
    }

    @PostMapping("/areas")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AREA_ADMIN)
    Area createArea(@Valid @RequestBody AreaCommand cmd) {
        return areas.create(cmd);
    }

    @PutMapping("/areas/{id}")
    @PreAuthorize(AREA_ADMIN)
    Area updateArea(@PathVariable long id, @Valid @RequestBody AreaCommand cmd) {
        return areas.update(id, cmd);
    }

    @PostMapping("/areas/{id}/deactivate")
    @PreAuthorize(AREA_ADMIN)
    Area deactivateArea(@PathVariable long id) {
        return areas.setActive(id, false);
    }

    @PostMapping("/areas/{id}/activate")
    @PreAuthorize(AREA_ADMIN)
    Area activateArea(@PathVariable long id) {
        return areas.setActive(id, true);
    }

    @PostMapping(path = "/areas/division-import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(AREA_ADMIN)
    @Operation(summary = "导入区划代码 Load villages from a division-code CSV (china-division villages.csv format)")
    DivisionImport importDivisions(
            @RequestPart("villages") MultipartFile villages,
            @RequestPart(name = "streets", required = false) MultipartFile streets,
            @RequestParam String countyCode,
            @RequestParam(required = false) String townshipCode,
            @RequestParam long branchId)
            throws IOException {
        try (InputStream v = villages.getInputStream();
                InputStream s = streets == null || streets.isEmpty() ? null : streets.getInputStream()) {
            return divisions.load(v, s, countyCode, townshipCode, branchId);
        }
    }
}
