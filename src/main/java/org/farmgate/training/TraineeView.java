package org.farmgate.training;

import java.util.UUID;

/** A trainee, the phone masked; linked to the registry's entrepreneur once known. */
public record TraineeView(UUID id, String countyCode, String name, String maskedPhone, UUID entrepreneurId) {
}
