package fr.referentia.certification;

import fr.referentia.workforce.VaeThresholds;
import org.springframework.stereotype.Component;

/** R2's threshold for the gap analysis's VAE suggestion: the certification's own setting (3 years by default). */
@Component
class CertificationVaeThresholds implements VaeThresholds {

    private final Certifications certifications;

    CertificationVaeThresholds(Certifications certifications) {
        this.certifications = certifications;
    }

    @Override
    public int yearsFor(String certificationCode) {
        return certifications.minimumExperienceYears(certificationCode);
    }
}
