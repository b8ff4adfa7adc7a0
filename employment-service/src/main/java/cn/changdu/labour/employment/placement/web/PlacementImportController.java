package cn.changdu.labour.employment.placement.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.employment.placement.app.PlacementImports;
import cn.changdu.labour.support.imports.ImportReport;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;

/** Bulk import of a placement roster; the file's format and checks are {@link PlacementImports}'. */
@RestController
@RequestMapping("/api/employment/placements")
public class PlacementImportController {

    private final PlacementImports imports;

    public PlacementImportController(PlacementImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a placement roster (XLSX or CSV): every row checked; nothing recorded unless all rows "
            + "are good or partial=true")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importRoster(@RequestPart("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean partial,
                                     @RequestParam(required = false) Instant occurredAt, Actor actor) throws IOException {
        return imports.importRoster(file, partial, occurredAt, actor);
    }
}
