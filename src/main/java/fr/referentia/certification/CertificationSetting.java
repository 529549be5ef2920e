package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A certification's settings: R2's threshold, its routes, its RNCP number. Absent: the defaults. */
@Entity
@Table(name = "certification_setting")
public class CertificationSetting {

    /** R2: « au moins trois ans », the default threshold. */
    public static final int DEFAULT_MINIMUM_EXPERIENCE_YEARS = 3;

    @Id
    @Column(name = "certification_code")
    private String certificationCode;

    @Column(name = "minimum_experience_years", nullable = false)
    private int minimumExperienceYears;

    @Column(nullable = false)
    private String routes;

    @Column(name = "rncp_number")
    private String rncpNumber;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CertificationSetting() {
    }

    CertificationSetting(String certificationCode, int minimumExperienceYears, List<ApplicationRoute> routes,
            String rncpNumber, Instant now) {
        this.certificationCode = certificationCode;
        change(minimumExperienceYears, routes, rncpNumber, now);
    }

    static CertificationSetting defaults(String certificationCode) {
        return new CertificationSetting(certificationCode, DEFAULT_MINIMUM_EXPERIENCE_YEARS,
                List.of(ApplicationRoute.values()), null, Instant.EPOCH);
    }

    void change(int minimumExperienceYears, List<ApplicationRoute> routes, String rncpNumber, Instant now) {
        this.minimumExperienceYears = minimumExperienceYears;
        this.routes = routes.stream().map(Enum::name).collect(Collectors.joining(","));
        this.rncpNumber = rncpNumber;
        this.updatedAt = now;
    }

    public List<ApplicationRoute> routes() {
        return Arrays.stream(routes.split(",")).filter(s -> !s.isBlank()).map(ApplicationRoute::valueOf).toList();
    }

    public String getCertificationCode() { return certificationCode; }
    public int getMinimumExperienceYears() { return minimumExperienceYears; }
    public String getRncpNumber() { return rncpNumber; }
}
