package fr.referentia.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ApiDocsConfig {

    @Bean
    OpenAPI referentiaApi() {
        return new OpenAPI().info(new Info()
                .title("API Referentia")
                .version("v1")
                .description("Référentiels de compétences et certifications de la branche des organismes de formation. "
                        + "Lecture publique ; écriture réservée au rôle BRANCH_ADMIN. Authentification : jeton d'accès "
                        + "personnel (Authorization: Bearer rfa_…, créé sur /mon-compte/jetons) ou HTTP Basic. "
                        + "Erreurs au format RFC 7807."));
    }
}
