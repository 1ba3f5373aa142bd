package sunshine.organisation.web;

import java.util.EnumSet;
import java.util.Set;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffCommand;
import sunshine.shared.Role;

/** The staff form's fields; checked as a {@link StaffCommand}. */
public class StaffForm {
    private Long branchId;
    private String staffNo;
    private String name;
    private String phone;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private Integer version;

    static StaffForm of(Staff s) {
        StaffForm f = new StaffForm();
        f.branchId = s.branchId();
        f.staffNo = s.staffNo();
        f.name = s.name();
        f.phone = s.phone();
        f.roles = s.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(s.roles());
        f.version = s.version();
        return f;
    }

    StaffCommand toCommand() {
        return new StaffCommand(branchId, staffNo, name, phone, roles, version);
    }

    public Long getBranchId() {
        return branchId;
    }

    public void setBranchId(Long branchId) {
        this.branchId = branchId;
    }

    public String getStaffNo() {
        return staffNo;
    }

    public void setStaffNo(String staffNo) {
        this.staffNo = staffNo;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
