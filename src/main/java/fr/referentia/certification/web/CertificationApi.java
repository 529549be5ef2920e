package fr.referentia.certification.web;

import fr.referentia.certification.Certifications;
import fr.referentia.certification.Certifications.CertificationView;
import fr.referentia.certification.Certifications.JourneyStep;
import fr.referentia.certification.Certifications.NewSession;
import fr.referentia.certification.Certifications.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The certification catalogue (public) and its sessions (managed by the certification office). */
@RestController
@RequestMapping("/api/v1/certifications")
@Tag(name = "Certifications", description = "Catalogue des certifications (CQP, titres) et sessions")
class CertificationApi {

    private final Certifications certifications;

    CertificationApi(Certifications certifications) {
        this.certifications = certifications;
    }

    /** A certification with its journey and upcoming sessions. */
    record CertificationDetail(String code, String frameworkCode, String frameworkVersion, String title, String kind,
            List<fr.referentia.certification.ApplicationRoute> routes, int minimumExperienceYears, String rncpNumber,
            String admissibilityConditions, List<JourneyStep> journey, List<SessionView> sessions) {

        static CertificationDetail of(CertificationView c, List<SessionView> sessions) {
            return new CertificationDetail(c.code(), c.frameworkCode(), c.frameworkVersion(), c.title(), c.kind(),
                    c.routes(), c.minimumExperienceYears(), c.rncpNumber(), c.admissibilityConditions(),
                    Certifications.JOURNEY, sessions);
        }
    }

    @GetMapping
    @Operation(summary = "Les certifications du catalogue, avec la version du référentiel certifiée")
    List<CertificationView> list() {
        return certifications.list();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Une certification : conditions de recevabilité, parcours, sessions à venir")
    CertificationDetail certification(@PathVariable String code) {
        return CertificationDetail.of(certifications.certification(code), certifications.upcomingSessions(code));
    }

    @GetMapping("/{code}/sessions")
    @Operation(summary = "Les sessions à venir d'une certification")
    List<SessionView> sessions(@PathVariable String code) {
        return certifications.upcomingSessions(code);
    }

    @PostMapping("/{code}/sessions")
    @Operation(summary = "Programmer une session (secrétariat de certification)")
    ResponseEntity<SessionView> addSession(@PathVariable String code, @RequestBody NewSession session,
            Principal principal) {
        SessionView created = certifications.addSession(principal.getName(), code, session);
        return ResponseEntity.created(URI.create("/api/v1/certifications/" + code + "/sessions")).body(created);
    }
}
