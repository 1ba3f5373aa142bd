package sunshine.panel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.panel.PanelRoles;
import sunshine.panel.TrainingCommand;
import sunshine.panel.TrainingSession;
import sunshine.panel.Trainings;

/** REST API of training sessions for panel members (R14). */
@RestController
@RequestMapping("/api/v1/trainings")
@Tag(name = "trainings", description = "培训记录 Training of panel members (R14)")
class TrainingApi {

    private final Trainings trainings;

    TrainingApi(Trainings trainings) {
        this.trainings = trainings;
    }

    @GetMapping
    @Operation(summary = "培训记录 Sessions of the caller's scope or one branch, the latest first")
    List<TrainingSession> list(@RequestParam(required = false) Long branchId) {
        return trainings.list(branchId);
    }

    @GetMapping("/{id}")
    TrainingSession get(@PathVariable long id) {
        return trainings.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "登记培训 Record a session: day, content, trainer, attending panel members")
    TrainingSession create(@Valid @RequestBody TrainingCommand cmd) {
        return trainings.create(cmd);
    }

    @PutMapping("/{id}")
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "修改培训记录 Correct a session and its attendees")
    TrainingSession update(@PathVariable long id, @Valid @RequestBody TrainingCommand cmd) {
        return trainings.update(id, cmd);
    }
}
