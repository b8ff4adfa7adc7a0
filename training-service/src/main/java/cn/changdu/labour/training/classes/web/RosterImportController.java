package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.training.classes.app.RosterImports;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;

/** Bulk import of a class roster (XLSX or CSV); the rows are checked and applied by {@link RosterImports}. */
@RestController
@RequestMapping("/api/training/classes")
public class RosterImportController {

    private final RosterImports rosterImports;

    public RosterImportController(RosterImports rosterImports) {
        this.rosterImports = rosterImports;
    }

    @Operation(summary = "Import a class roster (XLSX or CSV): every row checked; nothing recorded unless all rows are good "
            + "or partial=true")
    @PostMapping(path = "/{classId}/trainees/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importRoster(@PathVariable String classId, @RequestPart("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean partial,
                                     @RequestParam(required = false) Instant occurredAt, Actor actor) throws IOException {
        return rosterImports.importRoster(classId, file, partial, occurredAt, actor);
    }
}
