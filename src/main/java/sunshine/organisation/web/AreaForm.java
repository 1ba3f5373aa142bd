package sunshine.organisation.web;

import java.math.BigDecimal;
import sunshine.organisation.Area;
import sunshine.organisation.AreaCommand;
import sunshine.organisation.AreaKind;

/** The area form's fields; checked as an {@link AreaCommand}. */
public class AreaForm {
    private Long branchId;
    private AreaKind kind = AreaKind.VILLAGE;
    private String divisionCode;
    private String townshipName;
    private String name;
    private Long managerId;
    private Integer actualHouseholds = 0;
    private Integer businessHouseholds = 0;
    private Integer loanCertCount = 0;
    private BigDecimal loanCertAmount = BigDecimal.ZERO;
    private Integer badLoanCount = 0;
    private BigDecimal badLoanAmount = BigDecimal.ZERO;
    private Integer version;

    static AreaForm of(Area a) {
        AreaForm f = new AreaForm();
        f.branchId = a.branchId();
        f.kind = a.kind();
        f.divisionCode = a.divisionCode();
        f.townshipName = a.townshipName();
        f.name = a.name();
        f.managerId = a.managerId();
        f.actualHouseholds = a.actualHouseholds();
        f.businessHouseholds = a.businessHouseholds();
        f.loanCertCount = a.loanCertCount();
        f.loanCertAmount = a.loanCertAmount();
        f.badLoanCount = a.badLoanCount();
        f.badLoanAmount = a.badLoanAmount();
        f.version = a.version();
        return f;
    }

    AreaCommand toCommand() {
        return new AreaCommand(
                branchId,
                kind,
                divisionCode,
                townshipName,
                name,
                managerId,
                actualHouseholds,
                businessHouseholds,
                loanCertCount,
                loanCertAmount,
                badLoanCount,
                badLoanAmount,
                version);
    }

    public Long getBranchId() {
        return branchId;
    }

    public void setBranchId(Long branchId) {
        this.branchId = branchId;
    }

    public AreaKind getKind() {
        return kind;
    }

    public void setKind(AreaKind kind) {
        this.kind = kind;
    }

    public String getDivisionCode() {
        return divisionCode;
    }

    public void setDivisionCode(String divisionCode) {
        this.divisionCode = divisionCode;
    }

    public String getTownshipName() {
        return townshipName;
    }

    public void setTownshipName(String townshipName) {
        this.townshipName = townshipName;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getManagerId() {
        return managerId;
    }

    public void setManagerId(Long managerId) {
        this.managerId = managerId;
    }

    public Integer getActualHouseholds() {
        return actualHouseholds;
    }

    public void setActualHouseholds(Integer v) {
        this.actualHouseholds = v;
    }

    public Integer getBusinessHouseholds() {
        return businessHouseholds;
    }

    public void setBusinessHouseholds(Integer v) {
        this.businessHouseholds = v;
    }

    public Integer getLoanCertCount() {
        return loanCertCount;
    }

    public void setLoanCertCount(Integer v) {
        this.loanCertCount = v;
    }

    public BigDecimal getLoanCertAmount() {
        return loanCertAmount;
    }

    public void setLoanCertAmount(BigDecimal v) {
        this.loanCertAmount = v;
    }

    public Integer getBadLoanCount() {
        return badLoanCount;
    }

    public void setBadLoanCount(Integer v) {
        this.badLoanCount = v;
    }

    public BigDecimal getBadLoanAmount() {
        return badLoanAmount;
    }

    public void setBadLoanAmount(BigDecimal v) {
        this.badLoanAmount = v;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
