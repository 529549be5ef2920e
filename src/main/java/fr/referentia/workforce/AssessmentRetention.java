package fr.referentia.workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of assessments (R12): an assessment is kept {@value WorkforcePersonalData#RETENTION_YEARS} years
 * after it was recorded, then deleted with its evidence rows every night (the evidence files expire on their own
 * after the same period, through their purpose). Append-only until then: nothing else deletes an assessment but
 * the person's erasure.
 */
@Component
class AssessmentRetention {

    private static final Logger log = LoggerFactory.getLogger(AssessmentRetention.class);

    private final AssessmentRepository assessments;
    private final AssessmentEvidenceRepository evidence;
    private final Clock clock;

    AssessmentRetention(AssessmentRepository assessments, AssessmentEvidenceRepository evidence, Clock clock) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Scheduled(cron = "${referentia.workforce.purge-cron:0 50 3 * * *}", zone = "Europe/Paris")
    @Transactional
    public int purge() {
        Instant limit = ZonedDateTime.now(clock).minusYears(WorkforcePersonalData.RETENTION_YEARS).toInstant();
        List<Assessment> expired = assessments.findByAssessedAtBefore(limit);
        if (expired.isEmpty()) {
            return 0;
        }
        evidence.deleteAll(evidence.findByAssessmentIdInOrderByAddedAtAsc(expired.stream().map(Assessment::getId)
                .toList()));
        assessments.deleteAll(expired);
        log.info("Évaluations de compétences échues supprimées : {}", expired.size());
        return expired.size();
    }
}
