package sunshine.customer;

import java.time.Instant;

/** A line of a customer list: masked identifiers only. */
public record CustomerRow(
        long id,
        String name,
        String residentIdMasked,
        char gender,
        String phoneMasked,
        CustomerType customerType,
        long areaId,
        String areaName,
        long householdId,
        boolean representative,
        boolean excluded,
        Instant filedAt) {}
