package cn.changdu.labour.reporting.indicators;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
public class IndicatorsController {

    private final Indicators indicators;

    public IndicatorsController(Indicators indicators) {
        this.indicators = indicators;
    }

    @Operation(summary = "Live indicator summary of everything recorded (or of one year), city-wide and per county, "
            + "with the projection's position per topic")
    @GetMapping("/indicators")
    public Indicators.Report indicators(@RequestParam(required = false) Integer year) {
        return indicators.current(year);
    }
}
