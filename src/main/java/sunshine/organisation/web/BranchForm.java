package sunshine.organisation.web;

import sunshine.organisation.Branch;
import sunshine.organisation.BranchCommand;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Department;

/** The branch form's fields (mutable for page binding); checked as a {@link BranchCommand}. */
public class BranchForm {
    private Long parentId;
    private BranchKind kind = BranchKind.BRANCH;
    private Department department;
    private String code;
    private String name;
    private String phone;
    private String address;
    private Integer version;

    static BranchForm of(Branch b) {
        BranchForm f = new BranchForm();
        f.parentId = b.parentId();
        f.kind = b.kind();
        f.department = b.department();
        f.code = b.code();
        f.name = b.name();
        f.phone = b.phone();
        f.address = b.address();
        f.version = b.version();
        return f;
    }

    BranchCommand toCommand() {
        return new BranchCommand(parentId, kind, department, code, name, phone, address, version);
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public BranchKind getKind() {
        return kind;
    }

    public void setKind(BranchKind kind) {
        this.kind = kind;
    }

    public Department getDepartment() {
        return department;
    }

    public void setDepartment(Department department) {
        this.department = department;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
