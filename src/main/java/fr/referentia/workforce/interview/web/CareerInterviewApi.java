package fr.referentia.workforce.interview.web;

import fr.referentia.workforce.interview.CareerInterviews;
import fr.referentia.workforce.interview.CareerInterviews.DueList;
import fr.referentia.workforce.interview.CareerInterviews.Employment;
import fr.referentia.workforce.interview.CareerInterviews.EmploymentInput;
import fr.referentia.workforce.interview.CareerInterviews.Interview;
import fr.referentia.workforce.interview.CareerInterviews.InterviewInput;
import fr.referentia.workforce.interview.SummaryReview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entretiens de parcours professionnel for machines, with the same checks as the pages: the organisation's
 * HR records; the person reads their own; anyone else reads the organisation or the person as unknown (404).
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}")
@Tag(name = "Entretiens de parcours professionnel",
        description = "Calendrier depuis la date d'embauche, entretiens tenus et copie remise au salarié (jamais une évaluation)")
class CareerInterviewApi {

    private final CareerInterviews interviews;

    CareerInterviewApi(CareerInterviews interviews) {
        this.interviews = interviews;
    }

    @Schema(description = "Date d'embauche (le calendrier des entretiens en part) et date de naissance (entretiens de "
            + "mi-carrière et avant 60 ans), au format AAAA-MM-JJ")
    record EmploymentRequest(@Schema(example = "2019-09-02") String hiredOn,
            @Schema(example = "1978-04-17", nullable = true) String birthDate) {
    }

    @Schema(description = "Un entretien tenu : jamais une note ni une évaluation du travail")
    record CareerInterviewRequest(
            @Schema(description = "Date de l'entretien (passée, après l'embauche), AAAA-MM-JJ", example = "2026-03-12")
            String date,
            @Schema(description = "PERIODIC, SUMMARY_REVIEW, MID_CAREER ou PRE_60", example = "PERIODIC") String kind,
            @ArraySchema(arraySchema = @Schema(description = "Identifiants (de compte) des participants, personnes de "
                    + "l'organisme ; la personne elle-même est toujours ajoutée",
                    example = "[\"3f1c2a9e-6d4b-4c1a-9a57-0b6f1e2d3c4b\"]")) List<String> participantIds,
            @ArraySchema(arraySchema = @Schema(description = "Thèmes abordés (texte libre)",
                    example = "[\"Compétences et leur évolution\", \"Utilisation du compte personnel de formation (CPF) et abondements\"]"))
            List<String> topics,
            @Schema(description = "Suites convenues", example = "Formation à la conception de parcours multimodaux en 2026.")
            String followUps,
            @Schema(description = "État des lieux récapitulatif seulement : progression salariale ou professionnelle",
                    nullable = true) Boolean progression,
            @Schema(description = "Date de remise de la copie au salarié, AAAA-MM-JJ", nullable = true, example = "2026-03-12")
            String copyDeliveredOn) {
    }

    @Schema(description = "Remise de la copie écrite au salarié")
    record DeliveryRequest(@Schema(description = "AAAA-MM-JJ ; aujourd'hui si absente", example = "2026-03-13")
            String deliveredOn) {
    }

    record CareerInterviewEntry(UUID id, UUID personId, LocalDate date, String kind, List<UUID> participantIds,
            List<String> topics, String followUps, Boolean progression, LocalDate copyDeliveredOn,
            SummaryReview summaryReview) {

        static CareerInterviewEntry of(Interview i) {
            return new CareerInterviewEntry(i.id(), i.personId(), i.date(), i.kind().name(), i.participantIds(),
                    i.topics(), i.followUps(), i.progression(), i.copyDeliveredOn(), i.summaryReview());
        }
    }

    @GetMapping("/people/{personId}/employment")
    @Operation(summary = "Dates d'embauche et de naissance d'une personne (son RH, ou elle-même)")
    Employment employment(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal) {
        return interviews.employment(principal.getName(), organisationId, personId);
    }

    @PutMapping("/people/{personId}/employment")
    @Operation(summary = "Enregistre les dates d'embauche et de naissance (RH de l'organisme)")
    Employment recordEmployment(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestBody(required = false) EmploymentRequest body) {
        return interviews.recordEmployment(principal.getName(), organisationId, personId,
                body == null ? null : new EmploymentInput(body.hiredOn(), body.birthDate()));
    }

    @GetMapping("/people/{personId}/career-interviews")
    @Operation(summary = "Les entretiens de parcours professionnel d'une personne, du plus récent au plus ancien "
            + "(son RH, ou elle-même)")
    List<CareerInterviewEntry> list(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal) {
        return interviews.interviews(principal.getName(), organisationId, personId).stream()
                .map(CareerInterviewEntry::of).toList();
    }

    @PostMapping("/people/{personId}/career-interviews")
    @Operation(summary = "Enregistre un entretien tenu (RH de l'organisme) ; refusé avant l'embauche ou dans le futur")
    ResponseEntity<CareerInterviewEntry> record(@PathVariable UUID organisationId, @PathVariable UUID personId,
            Principal principal, @RequestBody(required = false) CareerInterviewRequest body) {
        InterviewInput input = body == null ? null : new InterviewInput(body.date(), body.kind(), body.participantIds(),
                body.topics(), body.followUps(), body.progression(), body.copyDeliveredOn());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(CareerInterviewEntry.of(interviews.record(principal.getName(), organisationId, personId, input)));
    }

    @PostMapping("/people/{personId}/career-interviews/{interviewId}/delivery")
    @Operation(summary = "Enregistre la remise de la copie écrite au salarié (RH de l'organisme)")
    CareerInterviewEntry deliver(@PathVariable UUID organisationId, @PathVariable UUID personId,
            @PathVariable UUID interviewId, Principal principal, @RequestBody(required = false) DeliveryRequest body) {
        return CareerInterviewEntry.of(interviews.deliverCopy(principal.getName(), organisationId, personId,
                interviewId, body == null ? null : body.deliveredOn()));
    }

    @GetMapping("/people/{personId}/career-interviews/{interviewId}/copy")
    @Operation(summary = "La copie écrite de l'entretien, en PDF (son RH, ou la personne)")
    ResponseEntity<byte[]> copy(@PathVariable UUID organisationId, @PathVariable UUID personId,
            @PathVariable UUID interviewId, Principal principal) {
        return pdf(interviews.copy(principal.getName(), organisationId, personId, interviewId), interviewId);
    }

    @GetMapping("/career-interviews/due")
    @Operation(summary = "Les entretiens en retard et à venir de l'organisme, et les personnes sans date d'embauche "
            + "(RH de l'organisme)")
    DueList due(@PathVariable UUID organisationId, Principal principal) {
        return interviews.due(principal.getName(), organisationId);
    }

    static ResponseEntity<byte[]> pdf(byte[] body, UUID interviewId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("entretien-parcours-" + interviewId + ".pdf").build().toString())
                .body(body);
    }
}
