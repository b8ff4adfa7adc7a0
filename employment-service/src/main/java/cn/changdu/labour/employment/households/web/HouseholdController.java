package cn.changdu.labour.employment.households.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.employment.households.app.Households;
import cn.changdu.labour.employment.households.query.HouseholdQueries;
import cn.changdu.labour.employment.households.query.HouseholdQueries.HouseholdView;
import cn.changdu.labour.employment.households.query.HouseholdQueries.SiteView;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/employment/households")
public class HouseholdController {

    private final Households registrations;
    private final HouseholdQueries households;

    public HouseholdController(Households registrations, HouseholdQueries households) {
        this.registrations = registrations;
        this.households = households;
    }

    public record RegisterRequest(@NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
                                  @NotBlank @Size(max = 100) String site,
                                  @NotBlank @Size(max = 50) String headName,
                                  @NotBlank @ValidResidentId String headResidentId,
                                  @NotNull @Max(30) Integer membersAbleToWork,
                                  @NotNull LocalDate registeredOn, Instant occurredAt) {
    }

    public record HouseholdRegisteredResponse(String householdId) {
    }

    @Operation(summary = "Register a relocated household with members able to work (易地搬迁户登记)")
    @PostMapping
    public ResponseEntity<HouseholdRegisteredResponse> register(@Valid @RequestBody RegisterRequest request,
                                                                Actor actor) {
        String householdId = registrations.register(request.countyCode(), request.site(), request.headName(),
                request.headResidentId(), request.membersAbleToWork(), request.registeredOn(), actor,
                request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/households/" + householdId))
                .body(new HouseholdRegisteredResponse(householdId));
    }

    @Operation(summary = "Relocated households by county and site; nobodyEmployed=true lists those with nobody employed")
    @GetMapping
    public List<HouseholdView> find(@RequestParam(required = false) String countyCode,
                                    @RequestParam(required = false) String site,
                                    @RequestParam(required = false) Boolean nobodyEmployed, Caller caller) {
        return households.find(countyCode, site, nobodyEmployed, caller);
    }

    @Operation(summary = "Per relocation site: households registered and households with nobody employed")
    @GetMapping("/sites")
    public List<SiteView> sites(@RequestParam(required = false) String countyCode, Caller caller) {
        // (counts only: nothing personal; the caller stays a parameter so the operation documents the same headers)
        return households.sites(countyCode);
    }
}
