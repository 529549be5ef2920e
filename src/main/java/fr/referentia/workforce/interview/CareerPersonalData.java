package fr.referentia.workforce.interview;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's hiring and birth dates, career interviews and development actions on « Mes données », in their
 * archive and in their erasure. The date and kind of each interview are kept (the employer must be able to show
 * that the interviews the law requires took place); their topics and follow-ups, the dates and the actions go.
 */
@Component
@Transactional
class CareerPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final JdbcClient jdbc;

    CareerPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sections(Subject subject) {
        List<Section> sections = new ArrayList<>();
        List<List<String>> employment = jdbc.sql("SELECT hired_on, birth_date FROM employment WHERE person_id = ?")
                .param(subject.userId())
                .query((rs, n) -> List.of(day(rs.getObject(1, LocalDate.class)), day(rs.getObject(2, LocalDate.class))))
                .list();
        if (!employment.isEmpty()) {
            sections.add(new Section("embauche", "Mes dates d'embauche et de naissance",
                    List.of("Embauche", "Naissance"), employment));
        }
        java.util.Map<java.util.UUID, List<String>> topics = new java.util.HashMap<>();
        jdbc.sql("SELECT t.interview_id, t.topic FROM career_interview_topic t JOIN career_interview i "
                        + "ON i.id = t.interview_id WHERE i.person_id = ? ORDER BY t.position").param(subject.userId())
                .query(rs -> {
                    topics.computeIfAbsent(rs.getObject(1, java.util.UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        List<List<String>> interviews = jdbc.sql("SELECT id, held_on, kind, follow_ups, copy_delivered_on "
                        + "FROM career_interview WHERE person_id = ? ORDER BY held_on")
                .param(subject.userId())
                .query((rs, n) -> List.of(day(rs.getObject(2, LocalDate.class)),
                        CareerInterviewKind.valueOf(rs.getString(3)).label(),
                        String.join(" ; ", topics.getOrDefault(rs.getObject(1, java.util.UUID.class), List.of())),
                        rs.getString(4), day(rs.getObject(5, LocalDate.class))))
                .list();
        if (!interviews.isEmpty()) {
            sections.add(new Section("entretiens-parcours", "Mes entretiens de parcours professionnel",
                    List.of("Date", "Entretien", "Thèmes", "Suites convenues", "Copie remise le"), interviews));
        }
        List<List<String>> actions = jdbc.sql("SELECT title, kind, status, starts_on, outcome FROM development_action "
                        + "WHERE person_id = ? ORDER BY starts_on")
                .param(subject.userId())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        day(rs.getObject(4, LocalDate.class)), nullToEmpty(rs.getString(5))))
                .list();
        if (!actions.isEmpty()) {
            sections.add(new Section("plan-developpement", "Mon plan de développement",
                    List.of("Action", "Type", "Statut", "Début", "Résultat"), actions));
        }
        return sections;
    }

    @Override
    public List<Kept> mustKeep(Subject subject) {
        long interviews = jdbc.sql("SELECT COUNT(*) FROM career_interview WHERE person_id = ?").param(subject.userId())
                .query(Long.class).single();
        return interviews == 0 ? List.of() : List.of(new Kept("La date et le type de vos entretiens de parcours professionnel",
                "L'employeur doit pouvoir montrer que les entretiens prévus par la loi ont eu lieu (article L6315-1 "
                        + "du Code du travail) ; leurs thèmes et suites convenues sont effacés."));
    }

    @Override
    public void erase(Subject subject) {
        jdbc.sql("DELETE FROM career_interview_topic WHERE interview_id IN (SELECT id FROM career_interview WHERE person_id = ?)")
                .param(subject.userId()).update();
        jdbc.sql("UPDATE career_interview SET follow_ups = '' WHERE person_id = ?").param(subject.userId()).update();
        jdbc.sql("DELETE FROM career_interview_participant WHERE person_id = ? AND interview_id NOT IN "
                + "(SELECT id FROM career_interview WHERE person_id = ?)").params(subject.userId(), subject.userId()).update();
        jdbc.sql("DELETE FROM employment WHERE person_id = ?").param(subject.userId()).update();
        jdbc.sql("DELETE FROM development_action WHERE person_id = ?").param(subject.userId()).update();
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
