package sunshine.review;

import java.util.List;

/**
 * A copy as one person may see it (R17, R18). Only that copy's households, never another copy's figures.
 * mode FIRST: the keyer's own keying (blank before anything was typed); SECOND: the verifier types the amounts again
 * and sees nothing of the first keying ({@link Line#first()} is null); RESOLVE: the verifier has submitted, both
 * keyings side by side with the differing fields; DONE: verified, the resolved figures; VIEW: status only.
 */
public record EstimateSheet(
        long panelId,
        String panelName,
        String label,
        int copyNo,
        String memberName,
        EstimateCopy copy,
        Mode mode,
        List<Line> lines) {

    public enum Mode {
        FIRST,
        SECOND,
        RESOLVE,
        DONE
    }

    /** One household row; figures the viewer may not see are null. */
    public record Line(
            int rowNo,
            long householdId,
            String representative,
            String address,
            boolean ownHousehold,
            Figures first,
            Figures second,
            Figures resolved,
            List<String> differences,
            String remarks,
            String correctionText,
            String correctionPhone,
            String correctionAddress,
            String correctionStatus,
            String correctionNote) {}

    public long differing() {
        return lines.stream().filter(l -> !l.differences().isEmpty()).count();
    }
}
