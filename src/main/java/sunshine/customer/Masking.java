package sunshine.customer;

/** How personal data shows on screens and in exports for roles that do not need it in full. */
public final class Masking {

    private Masking() {}

    public static String residentId(String id) {
        return ResidentId.mask(id);
    }

    /** 138****5678 for mobiles; other numbers keep their last four. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        if (phone.length() == 11) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        return "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }

    /** The first six characters (province, city, county as people write them), then stars. */
    public static String address(String address) {
        if (address == null || address.length() <= 6) {
            return address;
        }
        return address.substring(0, 6) + "****";
    }
}
