package fr.referentia.workforce;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.Node;
import fr.referentia.framework.FrameworkViews.Outline;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.ItemCitation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The branch's starting job profiles, made at start-up once the seed referentials are loaded (and never
 * changed afterwards, so that what organisations copied stays recognisable): <em>Assistant(e) de
 * formation</em>, from the job description of seed 003 (emploi repéré n° 12 of the classification agreement
 * of 16 January 2017) and the matching activities of the branch framework; and one per certification (CQP,
 * Titre) requiring each of its competencies at level 3 (Maîtrise).
 */
@Component
@Order(JobProfileTemplates.ORDER)
class JobProfileTemplates implements ApplicationRunner {

    /** After the seeds (highest precedence), before the demo data. */
    static final int ORDER = 1000;
    static final String BRANCH_FRAMEWORK = "RAC-METIERS-FORMATION";
    static final String ASSISTANT = "assistant-formation";

    private static final Logger log = LoggerFactory.getLogger(JobProfileTemplates.class);

    static final String ASSISTANT_MISSION = """
            Met en œuvre les moyens administratifs et organisationnels nécessaires à la réalisation des actions de \
            formation selon les indications données par son responsable hiérarchique, et effectue le suivi \
            administratif des formations proposées par l'organisme qui l'emploie.
            - A la charge du suivi administratif des prestations de formation.
            - Assure l'organisation et la logistique des formations dispensées (réservation de salle et du matériel \
            pédagogique, suivi du planning des formations).
            - Gère et coordonne les informations liées aux prestations de formation (communication avec les \
            apprenants, transmission des informations à l'équipe pédagogique).
            - Accueille et informe les différents interlocuteurs (apprenants, entreprises, intervenants externes).
            - Assure le suivi post-formation dans sa dimension administrative.
            - Assure la gestion administrative et économique des actions de formation (production de documents : \
            rapports d'activité, comptes rendus).""";

    /** The branch framework's activities the assistant's missions name, with level and importance. */
    record Take(String activity, int level, Importance importance) {
    }

    static final List<Take> ASSISTANT_ACTIVITIES = List.of(
            new Take("DOM6-A2", 3, Importance.ESSENTIAL),
            new Take("DOM6-A1", 3, Importance.ESSENTIAL),
            new Take("DOM4-A6", 2, Importance.ESSENTIAL),
            new Take("DOM1-A3", 2, Importance.OPTIONAL));

    private final FrameworkCatalog catalog;
    private final JobProfiles profiles;
    private final JobProfileRepository repository;

    JobProfileTemplates(FrameworkCatalog catalog, JobProfiles profiles, JobProfileRepository repository) {
        this.catalog = catalog;
        this.profiles = profiles;
        this.repository = repository;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.findByTemplateKey(ASSISTANT).isEmpty() && catalog.exists(BRANCH_FRAMEWORK)) {
            Outline rac = catalog.outline(BRANCH_FRAMEWORK);
            List<JobRequirement> requirements = new ArrayList<>();
            for (Take take : ASSISTANT_ACTIVITIES) {
                Node activity = JobProfilePicker.find(rac.roots(), take.activity());
                if (activity != null) {
                    JobProfilePicker.competencies(activity).forEach(c -> requirements.add(new JobRequirement(
                            new ItemCitation(BRANCH_FRAMEWORK, rac.summary().version(), c.code()), take.level(),
                            take.importance())));
                }
            }
            profiles.saveTemplate(ASSISTANT, "Assistant(e) de formation", ASSISTANT_MISSION,
                    "Responsable hiérarchique (responsable de formation ou direction de l'organisme)",
                    "Emploi repéré n° 12 de l'accord de classification des emplois du 16 janvier 2017.", requirements);
            log.info("Modèle de fiche de poste de la branche : Assistant(e) de formation ({} compétences)",
                    requirements.size());
        }
        for (Summary certification : catalog.list()) {
            if (!certification.kind().isCertification()) {
                continue;
            }
            String key = "certification-" + certification.code().toLowerCase(Locale.ROOT);
            if (repository.findByTemplateKey(key).isPresent()) {
                continue;
            }
            Outline outline = catalog.outline(certification.code());
            List<JobRequirement> requirements = new ArrayList<>();
            collect(outline.roots(), certification, requirements);
            profiles.saveTemplate(key, certification.title(),
                    "Exercer les activités visées par la certification « " + certification.title() + " » ("
                            + certification.code() + ", version " + certification.version() + ").",
                    null, null, requirements);
        }
    }

    private static void collect(List<Node> nodes, Summary framework, List<JobRequirement> requirements) {
        for (Node node : nodes) {
            if (node.type() == fr.referentia.framework.ItemType.COMPETENCY) {
                requirements.add(new JobRequirement(new ItemCitation(framework.code(), framework.version(), node.code()),
                        3, Importance.ESSENTIAL));
            } else {
                collect(node.children(), framework, requirements);
            }
        }
    }
}
