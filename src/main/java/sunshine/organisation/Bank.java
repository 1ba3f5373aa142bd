package sunshine.organisation;

/** A legal entity (法人机构): one rural commercial bank or credit union, the tenant of all its data. */
public record Bank(long id, String code, String name, String countyCode, long headOfficeId) {}
