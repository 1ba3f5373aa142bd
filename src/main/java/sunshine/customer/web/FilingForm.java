package sunshine.customer.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import sunshine.customer.Customer;
import sunshine.customer.CustomerType;
import sunshine.customer.FilingCommand;
import sunshine.customer.Relationship;
import sunshine.customer.Residence;

/** The filing form's fields (mutable for page binding); checked as a {@link FilingCommand}. */
public class FilingForm {
    private Long areaId;
    private String name;
    private String residentId;
    private Character gender;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    private String phone;
    private String address;
    private CustomerType customerType = CustomerType.FARMER;
    private String occupation;
    private String employer;
    private Residence residence = Residence.LOCAL;
    private String businessPlace;
    private Long householdId;
    private Relationship relationship;
    private Map<String, String> extra = new HashMap<>();

    static FilingForm of(Customer c) {
        FilingForm f = new FilingForm();
        f.areaId = c.areaId();
        f.name = c.name();
        f.residentId = c.residentId();
        f.phone = c.phone();
        f.address = c.address();
        f.customerType = c.customerType();
        f.occupation = c.occupation();
        f.employer = c.employer();
        f.residence = c.residence();
        f.businessPlace = c.businessPlace();
        f.extra = new HashMap<>(c.extra());
        return f;
    }

    FilingCommand toCommand() {
        return new FilingCommand(
                areaId,
                name,
                residentId,
                gender,
                birthDate,
                phone,
                address,
                customerType,
                occupation,
                employer,
                residence,
                businessPlace,
                householdId,
                relationship,
                extra);
    }

    public Long getAreaId() {
        return areaId;
    }

    public void setAreaId(Long v) {
        this.areaId = v;
    }

    public String getName() {
        return name;
    }

    public void setName(String v) {
        this.name = v;
    }

    public String getResidentId() {
        return residentId;
    }

    public void setResidentId(String v) {
        this.residentId = v;
    }

    public Character getGender() {
        return gender;
    }

    public void setGender(Character v) {
        this.gender = v;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate v) {
        this.birthDate = v;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String v) {
        this.phone = v;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String v) {
        this.address = v;
    }

    public CustomerType getCustomerType() {
        return customerType;
    }

    public void setCustomerType(CustomerType v) {
        this.customerType = v;
    }

    public String getOccupation() {
        return occupation;
    }

    public void setOccupation(String v) {
        this.occupation = v;
    }

    public String getEmployer() {
        return employer;
    }

    public void setEmployer(String v) {
        this.employer = v;
    }

    public Residence getResidence() {
        return residence;
    }

    public void setResidence(Residence v) {
        this.residence = v;
    }

    public String getBusinessPlace() {
        return businessPlace;
    }

    public void setBusinessPlace(String v) {
        this.businessPlace = v;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(Long v) {
        this.householdId = v;
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public void setRelationship(Relationship v) {
        this.relationship = v;
    }

    public Map<String, String> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, String> v) {
        this.extra = v;
    }
}
