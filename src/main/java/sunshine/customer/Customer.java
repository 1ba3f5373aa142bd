package sunshine.customer;

import java.time.LocalDate;
import java.util.Map;

/** A filed person as stored. Screens show {@link #masked()} unless the role needs the full data. */
public record Customer(
        long id,
        long bankId,
        long branchId,
        long areaId,
        String areaName,
        long householdId,
        boolean representative,
        Relationship relationship,
        String residentId,
        String name,
        char gender,
        LocalDate birthDate,
        String phone,
        String address,
        CustomerType customerType,
        String occupation,
        String employer,
        Residence residence,
        String businessPlace,
        DataSource dataSource,
        Map<String, String> extra,
        boolean excluded,
        int version) {

    /** The same person with resident ID, phone and address masked. */
    public Customer masked() {
        return new Customer(
                id,
                bankId,
                branchId,
                areaId,
                areaName,
                householdId,
                representative,
                relationship,
                Masking.residentId(residentId),
                name,
                gender,
                birthDate,
                Masking.phone(phone),
                Masking.address(address),
                customerType,
                occupation,
                employer,
                residence,
                businessPlace,
                dataSource,
                extra,
                excluded,
                version);
    }
}
