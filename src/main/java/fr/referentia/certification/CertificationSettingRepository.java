package fr.referentia.certification;

import org.springframework.data.jpa.repository.JpaRepository;

interface CertificationSettingRepository extends JpaRepository<CertificationSetting, String> {
}
