package fr.referentia.account;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The browsers known for a person's account ({@link KnownDevices}, sign-in throttling) reach « Mes
 * données » (when they were first and last used; never the cookie, nor even its digest) and go with an
 * erasure.
 */
@Component
class KnownDevicesPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private final KnownDeviceRepository devices;
    private final KnownDevices knownDevices;

    KnownDevicesPersonalData(KnownDeviceRepository devices, KnownDevices knownDevices) {
        this.devices = devices;
        this.knownDevices = knownDevices;
    }

    @Override
    public List<Section> sections(Subject subject) {
        List<List<String>> rows = devices.findByAccountOrderByLastUsedAtDesc(LoginThrottle.normalised(subject.email()))
                .stream().map(device -> List.of(WHEN.format(device.getCreatedAt()), WHEN.format(device.getLastUsedAt())))
                .toList();
        return rows.isEmpty() ? List.of() : List.of(new Section("navigateursReconnus",
                "Navigateurs reconnus à la connexion (90 jours après leur dernière connexion)",
                List.of("Reconnu depuis le", "Dernière connexion le"), rows));
    }

    @Override
    public void erase(Subject subject) {
        knownDevices.forgetAll(subject.email());
    }
}
