package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiDraft;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.measurement.MeasurementSource;
import dev.pitwall.measurement.MeasurementsRecorded;
import dev.pitwall.measurement.NewMeasurement;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Measurement contracts", description = "KPIs of workflows with baselines and targets, and their measurements")
class KpiApiController {

    private final KpiService kpis;
    private final MeasurementService measurements;

    KpiApiController(KpiService kpis, MeasurementService measurements) {
        this.kpis = kpis;
        this.measurements = measurements;
    }

    @GetMapping("/api/v1/workflows/{key}/kpis")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's KPIs", description = "Its measurement contract; parentId links the KPI tree.")
    List<Kpi> list(@PathVariable String key) {
        return kpis.ofWorkflow(key);
    }

    @PostMapping("/api/v1/workflows/{key}/kpis")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Add a KPI", description = "409 KPI_NAME_TAKEN when the workflow has a KPI of this name.")
    ResponseEntity<Kpi> create(@PathVariable String key, @RequestBody KpiDraft draft) {
        Kpi created = kpis.create(key, draft);
        return ResponseEntity.created(URI.create("/api/v1/kpis/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/kpis/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Get a KPI")
    Kpi get(@PathVariable long id) {
        return kpis.get(id);
    }

    @PutMapping("/api/v1/kpis/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Update a KPI")
    Kpi update(@PathVariable long id, @RequestBody KpiDraft draft) {
        return kpis.update(id, draft);
    }

    @DeleteMapping("/api/v1/kpis/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Delete a KPI and its measurements", description = "409 KPI_HAS_CHILDREN while KPIs hang below it.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        kpis.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/kpis/{id}/measurements")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A KPI's measurements", description = "Periods ending in [from, to], oldest first.")
    List<Measurement> measurements(@PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return measurements.find(id, from, to);
    }

    @PostMapping("/api/v1/kpis/{id}/measurements")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    @Operation(summary = "Record one measurement", description = "{\"periodEnd\":\"2026-10-31\",\"value\":2150}. "
            + "A period measured again gets the new value.")
    MeasurementsRecorded record(@PathVariable long id, @RequestBody NewMeasurement measurement) {
        return measurements.record(id, measurement, MeasurementSource.API);
    }

    @PostMapping("/api/v1/kpis/{id}/measurements/batch")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    @Operation(summary = "Record measurements in a batch", description = "A JSON array; all or nothing, each invalid "
            + "item named as [i].field.")
    MeasurementsRecorded recordAll(@PathVariable long id, @RequestBody List<NewMeasurement> batch) {
        return measurements.recordAll(id, batch, MeasurementSource.API);
    }

    @DeleteMapping("/api/v1/kpis/{id}/measurements/{periodEnd}")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    @Operation(summary = "Delete a measurement recorded by mistake")
    ResponseEntity<Void> deleteMeasurement(@PathVariable long id,
            @PathVariable LocalDate periodEnd) {
        measurements.delete(id, periodEnd);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/measurements/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    @Operation(summary = "Import measurements from CSV", description = "Columns workflow, kpi, period_end, value and "
            + "optionally note; all lines or none, every bad line named with its number, column and reason.")
    MeasurementsRecorded importCsv(@RequestBody String csv) {
        return measurements.importCsv(csv);
    }
}
