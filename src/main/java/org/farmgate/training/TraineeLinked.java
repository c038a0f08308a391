package org.farmgate.training;

import java.util.UUID;

/**
 * A trainee was linked to the registry's entrepreneur he or she became ({@code null}:
 * unlinked): how the statistics tell which trainees went on to open a shop.
 */
public record TraineeLinked(UUID traineeId, String countyCode, UUID entrepreneurId) {
}
