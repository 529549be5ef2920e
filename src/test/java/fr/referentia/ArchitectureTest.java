package fr.referentia;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Architecture rules that Spring Modulith's verification (see {@link ModularityTest}) does not check,
 * on the main code only. Documented in {@code docs/modules/README.md}.
 */
@AnalyzeClasses(packages = {"fr.referentia", "db.migration"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The one place that may read the system clock: the {@link Clock} bean. */
    static final String CLOCK_CONFIG = "fr.referentia.shared.ClockConfig";

    static final Set<Class<?>> TEMPORALS = Set.of(Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
            OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, Year.class, YearMonth.class, MonthDay.class);

    /** {@code now()} or {@code now(ZoneId)} of a java.time type: the system clock, not the application's. */
    static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_CLOCK = new DescribedPredicate<>(
            "read the system clock (now() without a Clock, System.currentTimeMillis(), new Date(), Clock.system…())") {
        @Override
        public boolean test(JavaCall<?> call) {
            JavaClass owner = call.getTargetOwner();
            String name = call.getName();
            if (call instanceof JavaMethodCall) {
                boolean temporalNow = TEMPORALS.stream().anyMatch(owner::isEquivalentTo) && name.equals("now")
                        && (call.getTarget().getRawParameterTypes().isEmpty()
                                || !call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Clock.class));
                boolean systemMillis = owner.isEquivalentTo(System.class) && name.equals("currentTimeMillis");
                boolean systemClock = owner.isEquivalentTo(Clock.class)
                        && Set.of("systemUTC", "systemDefaultZone", "system").contains(name);
                return temporalNow || systemMillis || systemClock;
            }
            return call instanceof JavaConstructorCall && owner.isEquivalentTo(Date.class)
                    && call.getTarget().getRawParameterTypes().isEmpty();
        }
    };

    @ArchTest
    static final ArchRule everyNowComesFromTheApplicationsClock = noClasses()
            .that().doNotHaveFullyQualifiedName(CLOCK_CONFIG)
            .should().callCodeUnitWhere(READS_THE_SYSTEM_CLOCK)
            .because("dates and deadlines must be testable with a fixed clock; inject java.time.Clock "
                    + "(System.nanoTime() stays allowed for measuring durations)");

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that().areMetaAnnotatedWith(Controller.class).or().areMetaAnnotatedWith(ControllerAdvice.class)
            .and().resideOutsideOfPackage("fr.referentia.framework.importjob..")
            .should().resideInAPackage("..web..")
            .because("a module's pages and API sit in its web package, apart from its services "
                    + "(framework.importjob is being replaced by the shared job runner)");

    @ArchTest
    static final ArchRule controllersDoNotUseRepositories = noClasses()
            .that().areMetaAnnotatedWith(Controller.class).or().areMetaAnnotatedWith(ControllerAdvice.class)
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .because("controllers stay thin: the service layer owns transactions and rules");

    @ArchTest
    static final ArchRule servicesDoNotDependOnControllers = noClasses()
            .that().resideOutsideOfPackage("..web..").and().areNotMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().areMetaAnnotatedWith(Controller.class)
            .because("the web layer depends on the services, never the other way round");
}
