package sunshine.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks every filed person passes, by hand, by API or by workbook (R4, R5, R6). Returns every problem,
 * not just the first, so that a workbook row can say all that is wrong with it.
 */
public final class FilingRules {

    private static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$");

    private FilingRules() {}

    /** The problems of a command; {@code fields} are the bank's template fields (R4). */
    public static List<FieldProblem> check(FilingCommand c, List<FilingField> fields) {
        List<FieldProblem> p = new ArrayList<>();
        if (c.areaId() == null) {
            p.add(new FieldProblem("areaId", "customer.field.required"));
        }
        if (blank(c.name())) {
            p.add(new FieldProblem("name", "customer.field.required"));
        } else if (c.name().strip().length() > 50) {
            p.add(new FieldProblem("name", "customer.name.tooLong"));
        }
        ResidentId.Parsed id = ResidentId.parse(c.residentId());
        if (!id.valid()) {
            p.add(new FieldProblem("residentId", id.problem().messageKey));
        } else {
            if (c.gender() != null && c.gender() != id.id().gender()) {
                p.add(new FieldProblem("gender", "customer.gender.mismatch"));
            }
            if (c.birthDate() != null && !c.birthDate().equals(id.id().birthDate())) {
                p.add(new FieldProblem(
                        "birthDate",
                        "customer.birthDate.mismatch",
                        id.id().birthDate().toString()));
            }
        }
        if (blank(c.phone())) {
            p.add(new FieldProblem("phone", "customer.field.required"));
        } else if (!PHONE.matcher(c.phone().strip()).matches()) {
            p.add(new FieldProblem("phone", "customer.phone.format"));
        }
        if (blank(c.address())) {
            p.add(new FieldProblem("address", "customer.field.required"));
        } else if (c.address().strip().length() > 200) {
            p.add(new FieldProblem("address", "customer.address.tooLong"));
        }
        if (c.customerType() == null) {
            p.add(new FieldProblem("customerType", "customer.field.required"));
        }
        if (c.residence() == Residence.NON_LOCAL && blank(c.businessPlace())) {
            p.add(new FieldProblem("businessPlace", "customer.businessPlace.required"));
        }
        for (FilingField f : fields) {
            String v = c.extra().get(f.key());
            if (blank(v)) {
                if (f.required()) {
                    p.add(new FieldProblem("extra." + f.key(), "customer.field.required"));
                }
            } else if (!f.accepts(v.strip())) {
                p.add(new FieldProblem("extra." + f.key(), "customer.extra.invalid", f.labelZh()));
            }
        }
        return p;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
