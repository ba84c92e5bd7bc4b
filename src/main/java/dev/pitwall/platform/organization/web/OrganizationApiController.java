package dev.pitwall.platform.organization.web;

import dev.pitwall.platform.organization.Organization;
import dev.pitwall.platform.organization.OrganizationService;
import dev.pitwall.platform.organization.OrganizationUpdate;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organization")
@Tag(name = "Organization", description = "The organization's name and the currency of every money figure")
class OrganizationApiController {

    private final OrganizationService organization;

    OrganizationApiController(OrganizationService organization) {
        this.organization = organization;
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The organization's settings")
    Organization get() {
        return organization.get();
    }

    @PutMapping
    @PreAuthorize(Permission.Checks.SETTINGS_MANAGE)
    @Operation(summary = "Change the organization's name or currency",
            description = "{\"name\":\"Northwind Freight\",\"currency\":\"EUR\"}. The currency is an ISO 4217 code; "
                    + "amounts are not converted.")
    Organization update(@RequestBody OrganizationUpdate update) {
        return organization.update(update);
    }
}
