package sunshine.customer;

import java.time.LocalDate;
import java.util.Map;

/**
 * One person to file or re-file (R4). Gender and birth date may be left out: they follow from the resident
 * ID, and when given they must agree with it. Without a household the person starts one as its
 * representative; with one, {@code relationship} says how they relate to its representative.
 */
public record FilingCommand(
        Long areaId,
        String name,
        String residentId,
        Character gender,
        LocalDate birthDate,
        String phone,
        String address,
        CustomerType customerType,
        String occupation,
        String employer,
        Residence residence,
        String businessPlace,
        Long householdId,
        Relationship relationship,
        Map<String, String> extra) {

    public FilingCommand {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        residence = residence == null ? Residence.LOCAL : residence;
    }
}
