package sunshine.publicity;

import java.time.LocalDate;

/** A recorded publicity activity of an area (R34). */
public record PublicityActivity(
        long id,
        long areaId,
        String areaName,
        LocalDate heldOn,
        PublicityMethod method,
        String materials,
        String staffNames,
        int householdsReached,
        String recordedByName) {}
