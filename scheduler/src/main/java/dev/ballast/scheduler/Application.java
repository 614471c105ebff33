package dev.ballast.scheduler;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Starts the Ballast service. The OpenAPI description is generated at build time from the controllers and served
 * under {@code /swagger/}.
 */
@OpenAPIDefinition(info = @Info(title = "Ballast", version = "0.1",
        description = "Load balancing and consolidation for KVM clusters: cluster view, plan previews (what-if), "
                + "plan lifecycle, autopilot and decisions."),
        security = {@SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
